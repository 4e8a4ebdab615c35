/**
 * Boilerplate and content patterns, as data: tag names and class/id patterns that mark page furniture
 * (navigation, share bars, related links, comments, cookie and newsletter banners, ads) or article
 * content. Used by the content scorer (content.ts) and the in-article cleaner. Patterns are matched
 * against the element's `class` and `id` joined by a space.
 */

/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "svg", "canvas", "button", "select", "option", "input", "textarea",
  "iframe", "object", "embed", "head", "title", "meta", "link", "math", "map", "audio", "video", "dialog", "menu",
]);

/** Structural page furniture: dropped unless it holds most of the page's paragraph text. */
export const FURNITURE_TAGS = new Set(["nav", "aside", "footer", "form"]);

/**
 * Class/id words of page furniture (after Readability's "unlikely candidates" and trafilatura's
 * boilerplate lists). An element matching this and not CONTENT_CLASS is dropped before scoring.
 */
export const BOILERPLATE_CLASS = new RegExp([
  "-ad-", "^ad$", "^ads$", "adverti[sz]", "\\bads?[-_]", "[-_]ads?\\b", "banner", "breadcrumb", "combx", "comment", "communit", "cookie", "consent", "gdpr",
  "disqus", "footer", "masthead", "menu", "navbar", "\\bnav\\b", "[-_]nav\\b", "\\bnav[-_]", "navigation", "pagination", "pager", "popup", "modal", "overlay",
  "related", "recommend", "more-?stories", "most-?(?:popular|read|viewed)", "trending", "read-?more", "see-?also", "also-?read",
  "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "sponsor", "promo", "outbrain", "taboola", "newsletter",
  "subscri", "signup", "sign-up", "paywall", "social", "share", "sharing", "follow-?us", "toolbar", "widget", "tag-?list",
  "\\btags\\b", "author-?(?:bio|box|info|card)", "byline", "jump-?link", "print-?only", "visually-?hidden", "sr-only", "screen-?reader",
  "hidden", "teaser", "carousel", "slider", "playlist",
].join("|"), "i");

/** Furniture words that win over CONTENT_CLASS ("comment-content", "related-content" are still furniture). */
export const STRONG_BOILERPLATE_CLASS = /comment|widget|related|share|sharing|social|newsletter|cookie|consent|gdpr|sidebar|promo|outbrain|taboola|recommend|breadcrumb|most-?(?:popular|read|viewed)|trending|subscri|paywall|sponsor|advert|signup|sign-up|more-?stories|read-?more|see-?also|also-?read|author-?(?:bio|box|info|card)|\btags\b|tag-?list/i;

/** Class/id tokens of dates, bylines and article meta lines (left out of the body). */
export const META_CLASS = /(?:^|[-_])(?:date|dates|time|timestamp|dateline|pubdate|published|updated|posted|posted-on|meta|byline|author|authors|credits?)(?:$|[-_])/i;

/** Class/id tokens of figure captions and photo credits. */
export const CAPTION_CLASS = /caption|(?:^|[-_])(?:credit|photo-?credit|image-?credit|image-?source|legend)(?:$|[-_])/i;

/** Class/id tokens of content embedded in the article (quoted social posts): never furniture. */
export const EMBED_CLASS = /embed|tweet|instagram-media|tiktok-embed/i;

/** Class/id words of article content; they protect an element from BOILERPLATE_CLASS and weigh it up. */
export const CONTENT_CLASS = /article|\bbody\b|[-_]body|body[-_]|content|entry|\bmain\b|\bpost\b|post[-_]|story|\btext\b|blog|prose|rich-?text/i;

/** Class/id words that weigh a candidate down in scoring (Readability's negative list). */
export const NEGATIVE_CLASS = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|caption|credit/i;

/** Class/id words that weigh a candidate up in scoring (Readability's positive list). */
export const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;

/** Attributes of an element that is the article body (schema.org and common CMS markers). */
export const ARTICLE_BODY_ITEMPROP = /\barticleBody\b|\btext\b/i;

/** Whole-text patterns of short furniture blocks inside an article (share prompts, "read more", newsletter asks). */
export const FURNITURE_TEXT = new RegExp([
  "^(?:share|share this|share on \\w+|tweet|email|print|comments?)$",
  "^(?:read|see) (?:more|also)\\b", "^related(?: (?:articles?|stories|content|posts?|coverage))?:?$", "^advertisement$", "^ad$",
  "^(?:sign up|subscribe)(?: (?:to|for|now)\\b.*)?$", "^follow us\\b", "^(?:click|tap) here\\b",
].join("|"), "i");
