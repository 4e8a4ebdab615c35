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
  // Forum and Q&A post chrome: the poster's profile box, signature, vote counter, per-post buttons.
  "signature", "postprofile", "user-?info", "user-?details", "message-user", "\\bvot(?:e|ing)", "post-?(?:buttons|menu|footer-?links)",
].join("|"), "i");

/** Furniture words that win over CONTENT_CLASS ("comment-content", "related-content" are still furniture). */
export const STRONG_BOILERPLATE_CLASS = /comment|widget|related|share|sharing|social|newsletter|cookie|consent|gdpr|sidebar|promo|outbrain|taboola|recommend|breadcrumb|most-?(?:popular|read|viewed)|trending|subscri|paywall|sponsor|advert|signup|sign-up|more-?stories|read-?more|see-?also|also-?read|author-?(?:bio|box|info|card)|\btags\b|tag-?list|signature|postprofile|user-?info|user-?details|message-user|\bvot(?:e|ing)|post-?(?:buttons|menu|footer-?links)/i;

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

/** Whole-text patterns of short furniture blocks inside an article (share prompts and bars, "read more", newsletter asks, ad labels). */
export const FURNITURE_TEXT = new RegExp([
  "^(?:share|share this|share on \\w+|tweet|email|print|comments?)$",
  "^(?:read|see) (?:more|also)\\b", "^related(?: (?:articles?|stories|content|posts?|coverage))?:?$", "^advertisement$", "^ad$",
  "^(?:sign up|subscribe)(?: (?:to|for|now)\\b.*)?$", "^follow us\\b", "^(?:click|tap) here\\b",
  // The same labels in other languages: advertisement, share, print, comments, read more.
  "^(?:anzeige|werbung|publicité|publicidad|pubblicità|publicidade|реклама|广告|広告|إعلان|reklam|reklama|advertentie)$",
  "^(?:share(?: this(?: article| story| post)?)?|teilen|partager|compartir|compart[ei]lh[ae]r?|condividi|поделиться|分享到?|(?:この記事を)?シェア(?:する)?|شارك(?: المقال)?|paylaş|udostępnij|delen)\\s*[:：]?\\s+\\S.{0,40}$",
  "^(?:teilen|drucken|partager|imprimer|compartir|imprimir|condividi|stampa|compartilhar|поделиться|печать|分享|打印|シェア|印刷|شارك|طباعة|paylaş|yazdır|udostępnij|drukuj|delen|printen)$",
  "^(?:weiterlesen|mehr lesen|lire la suite|en savoir plus|leer más|seguir leyendo|leggi (?:tutto|di più)|continua a leggere|leia mais|continuar lendo|читать (?:далее|полностью|ещё|еще)|подробнее|阅读全文|查看更多|続きを読む|もっと見る|اقرأ المزيد|devamını oku|czytaj (?:dalej|więcej)|lees (?:verder|meer))\\s*[»›>→…]*$",
].join("|"), "iu");

/**
 * Whole-text patterns of headings that open a furniture section (related or popular links, reader
 * comments, sharing, newsletters, the author's bio), in English, German, French, Spanish, Italian,
 * Portuguese, Russian, Chinese, Japanese, Arabic, Turkish, Polish and Dutch. Matched against the
 * heading's collapsed text (a leading count as in "3 comentarios", trailing punctuation, ellipsis and
 * arrows allowed) by sections.ts.
 */
export const RELATED_HEADING = new RegExp("^(?:\\d+\\s*)?(?:" + [
  // en
  "related(?: (?:articles?|stories|posts?|content|news|coverage|links|reading|topics|videos?))?", "(?:you|we think you) (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested(?: in)?)",
  "(?:recommended|suggested)(?: (?:for you|stories|articles|reading|posts|videos))?", "more (?:from|stories|news|articles|posts|on this(?: story| topic)?|like this|in [\\p{L} ]{1,30}|to (?:read|explore))",
  "most (?:read|popular|viewed|shared|commented|recent)(?: (?:stories|articles|posts|news|today|this week))?", "popular(?: (?:posts|stories|articles|now|today|this week|on [\\p{L} ]{1,20}))?",
  "trending(?: (?:now|stories|articles|posts|today))?", "(?:read|see|watch) (?:more|also|next)", "also (?:read|see|on [\\p{L} ]{1,20})", "further reading", "editor'?s? picks?",
  "top stories", "(?:latest|recent|newest) (?:news|posts|stories|articles|headlines)", "(?:leave a |post a |add a )?(?:comments?|reply|replies|responses?)(?: \\(?\\d+\\)?)?",
  "\\d+ (?:comments?|replies|responses)", "share(?: this(?: (?:article|story|post))?| on [\\p{L} ]{1,20})?", "about the author", "(?:sign up|subscribe)(?: (?:to|for) [\\p{L} ]{1,30})?", "newsletter", "tags?", "topics?",
  "in (?:other|case you missed)[\\p{L} ]{0,20}", "(?:don'?t|do not) miss",
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d+) (?:thoughts?|responses?|comments?|replies) (?:on|to) .{1,140}", "who is online",
  // de
  "(?:ähnliche|verwandte|weitere) (?:artikel|beiträge|themen|nachrichten|meldungen)", "(?:das|dies) könnte (?:sie|dich) (?:auch )?interessieren", "mehr (?:zum thema|zu diesem thema|aus [\\p{L} ]{1,30}|nachrichten)",
  "meistgelesen(?:e(?: artikel)?)?", "am meisten gelesen", "beliebte (?:artikel|beiträge)", "auch interessant", "lesen sie (?:auch|mehr)", "kommentare?(?: \\(?\\d+\\)?)?", "(?:artikel )?teilen", "neueste (?:artikel|beiträge)", "über den autor", "empfehlungen", "wer ist online",
  // fr
  "articles? (?:similaires|liés|connexes|recommandés)", "(?:à |a )?lire (?:aussi|également|ensuite)", "(?:vous )?(?:aimerez|pourriez aimer) (?:aussi|également)", "sur le même (?:sujet|thème)", "les plus (?:lus|populaires|partagés|commentés)",
  "articles? (?:populaires|récents)", "(?:les )?commentaires?(?: \\(?\\d+\\)?)?", "partager(?: cet article)?", "dans la même rubrique", "(?:à |a )?voir aussi", "à propos de l'auteur", "(?:nos )?dernières? (?:actualités|articles|infos)", "qui est en ligne",
  // es
  "(?:artículos|noticias|entradas|publicaciones) (?:relacionad[oa]s|recomendad[oa]s|populares|recientes|destacad[oa]s)", "(?:también )?te (?:puede|podría) interesar", "(?:lo )?más (?:leíd[oa]s?|vist[oa]s?|popular(?:es)?)",
  "(?:lee|leer|ver) (?:también|más)", "comentarios?(?: \\(?\\d+\\)?)?", "compartir?(?: en [\\p{L} ]{1,20})?", "comparte(?: esta noticia)?", "más noticias", "sobre el autor", "deja un comentario", "últimas noticias",
  // it
  "articoli (?:correlati|simili|recenti|popolari)", "(?:ti )?potrebbe(?:ro)? (?:anche )?interessar(?:ti|e)", "(?:i )?più (?:letti|visti|popolari|condivisi)", "leggi anche", "(?:i )?commenti?(?: \\(?\\d+\\)?)?", "condividi(?: su [\\p{L} ]{1,20})?",
  "potrebbe piacerti(?: anche)?", "ultime notizie", "altre notizie", "lascia un commento",
  // pt
  "(?:artigos|notícias|posts|postagens|matérias) (?:relacionad[oa]s|populares|recentes|recomendad[oa]s)", "(?:você|voce) (?:também )?pode (?:gostar|se interessar)(?: de)?", "(?:leia|veja) (?:também|mais)",
  "(?:as |os )?mais (?:lid[oa]s|vist[oa]s|populares)", "comentários?(?: \\(?\\d+\\)?)?", "compartilh(?:e|ar)(?: (?:isso|esta notícia))?", "deixe (?:um|seu) comentário", "sobre o autor", "últimas notícias",
  // ru
  "(?:похожие|связанные|другие|последние|популярные|интересные) (?:статьи|записи|новости|материалы|публикации|посты|темы)", "чита(?:йте|ть) (?:также|еще|ещё|далее)", "смотрите (?:также|еще|ещё)", "(?:самые )?популярные(?: [\\p{L}]+)?",
  "самое (?:читаемое|популярное|интересное)", "комментари(?:и|ев)(?: \\(?\\d+\\)?)?", "поделиться(?: в [\\p{L} ]{1,20})?", "вам (?:может быть|будет) интересно", "рекомендуем(?: прочитать)?", "об авторе", "оставить комментарий", "по теме",
  // zh
  "相关(?:文章|新闻|阅读|推荐|报道|链接|内容|帖子)", "(?:热门|热点|推荐|最新|精彩)(?:文章|新闻|阅读|推荐|资讯|帖子)", "(?:推荐|延伸|相关)阅读", "猜你喜欢", "阅读排行(?:榜)?", "(?:网友)?评论(?:\\s*\\(?\\d+\\)?)?", "分享到", "更多(?:新闻|文章|精彩)?",
  "相關(?:文章|新聞|閱讀)", "熱門(?:文章|新聞)", "延伸閱讀",
  // ja
  "関連(?:記事|ニュース|情報|リンク)", "(?:人気|おすすめ|オススメ|注目|最新)(?:の)?(?:記事|ニュース|情報)", "こちらもおすすめ", "あわせて読みたい", "(?:アクセス)?ランキング", "コメント(?:\\s*\\(?\\d+\\)?)?", "シェア(?:する)?", "この記事を(?:シェア|共有)(?:する)?",
  // ar
  "(?:مقالات|أخبار|اخبار|مواضيع|موضوعات) (?:ذات صلة|مشابهة|متعلقة|ذات علاقة)", "اقرأ (?:أيضا|أيضًا|ايضا|المزيد)", "(?:ال)?أكثر (?:قراءة|مشاهدة|تداولا|شعبية)", "(?:ال)?تعليقات", "شارك(?: المقال| هذا المقال)?", "قد (?:يعجبك|يهمك)(?: أيضا| أيضًا)?", "آخر الأخبار", "عن الكاتب",
  // tr
  "(?:[iİ]lgili|benzer|[iİ]lginizi çekebilecek) (?:haberler|yazılar|içerikler)", "(?:bunlar da )?[iİ]lginizi çekebilir", "en çok (?:okunan(?:lar)?|izlenen(?:ler)?|paylaşılan(?:lar)?)", "yorumlar?(?: \\(?\\d+\\)?)?", "paylaş", "son haberler", "daha fazla(?: haber)?",
  // pl
  "(?:powiązane|podobne|polecane|najnowsze|popularne) (?:artykuły|wpisy|teksty|wiadomości)", "(?:zobacz|czytaj) (?:też|także|również|więcej)", "najczęściej (?:czytane|komentowane|oglądane)", "komentarze(?: \\(?\\d+\\)?)?", "udostępnij", "polecamy", "może cię (?:też )?zainteresować",
  // nl
  "(?:gerelateerde|vergelijkbare|populaire|recente) (?:artikelen|berichten|verhalen|nieuws)", "lees (?:ook|meer)", "meest (?:gelezen|bekeken|gedeeld)", "reacties?(?: \\(?\\d+\\)?)?", "delen", "dit vind je (?:misschien )?(?:ook )?leuk", "meer nieuws", "over de auteur",
].join("|") + ")[\\s:：.…!?»›>→\\-–—]*$", "iu");

/**
 * Calls to action that end (or open) an article rather than belong to it: newsletter and
 * subscription asks, "follow us", "click here", app downloads, copyright lines, in the same
 * languages as RELATED_HEADING. Matched anywhere in a short block at the article's edges (sections.ts).
 * Whole words (bounded by non-letters; JavaScript's `\b` knows only ASCII), then word stems and
 * scripts written without spaces (matched anywhere).
 */
export const CALL_TO_ACTION = new RegExp("(?<![\\p{L}\\p{N}_])(?:" + [
  // en
  "newsletters?", "subscribe", "sign(?:ing)? up", "follow (?:us|him|her|me|them)", "join (?:us|our)", "click(?:ing)? here",
  "download (?:our|the) app", "(?:like|find) us on", "support (?:our|independent|quality) journalism", "become a (?:member|subscriber|patron)", "all rights reserved",
  // de, fr
  "abonnieren", "folgen sie uns", "melden sie sich", "jetzt anmelden", "hier klicken", "alle rechte vorbehalten",
  "abonnez-vous", "inscrivez-vous", "suivez-nous", "cliquez ici", "tous droits réservés",
  // es, it, pt
  "boletín", "suscr[ií]b(?:e|ete|irse)", "síguenos", "haz clic aquí", "todos los derechos reservados", "iscriviti", "seguici", "clicca qui",
  "tutti i diritti riservati", "inscreva-se", "siga-nos", "clique aqui", "todos os direitos reservados",
  // ru, pl, nl, tr
  "подпишитесь", "подписывайтесь", "подписаться", "присоединяйтесь", "все права защищены", "zapisz się", "obserwuj nas", "wszelkie prawa zastrzeżone",
  "nieuwsbrief", "volg ons", "abonneer", "alle rechten voorbehouden", "tüm hakları saklıdır",
].join("|") + ")(?![\\p{L}\\p{N}_])|" + [
  "рассылк", "abone ol", "bizi takip ed",
  // zh, ja, ar
  "订阅", "关注我们", "责任编辑", "責任編輯", "扫码关注", "版权所有", "未经授权", "購読", "フォローして", "無断転載", "配信登録", "اشترك", "تابعونا", "تابعنا", "جميع الحقوق محفوظة", "النشرة الإخبارية",
].join("|"), "iu");

/**
 * Whole-text patterns of forum post chrome: a poster's profile lines ("Posts: 214", "Joined: Mon Mar
 * 02, 2015", "Beiträge: 12"), edit notes ("Last edited by X on ..., edited 1 time in total") and reply
 * titles ("Re: <topic>"), in English, German, French, Spanish, Italian, Portuguese, Russian, Chinese
 * and Japanese. Matched against short non-paragraph blocks without block children inside the
 * article (content.ts); a profile line may follow the poster's name in the same block (the block's text may join them without a space).
 */
export const POST_CHROME_TEXT = new RegExp([
  "(?:posts|posted|joined|registered|отправлено|gesendet|envoyé|enviado|inviato|location|reputation|messages|threads|karma|beiträge|registriert(?: seit)?|wohnort|mitglied seit|inscrit(?: le)?|inscription|localisation|mensajes|registrado(?: em)?|ubicación|messaggi|iscritto(?: il)?|località|mensagens|localização|сообщени[йя]|регистрация|зарегистрирован|откуда|帖子|注册时间|投稿数|登録日)\\s*[:：]\\s*\\S.*$",
  "^(?:last edited by|zuletzt (?:geändert|bearbeitet) von|dernière (?:édition|modification) par|última (?:edición|edição|modificación) (?:por|de)|ultima modifica (?:di|da)|последний раз редактировалось)\\b",
  "^(?:re|aw|sv|odp|antw)\\s*:\\s+\\S.*$",
].join("|"), "iu");

/**
 * Whole-text patterns of the heading of a press release's company boilerplate ("About Northwind
 * Robotics", "Über die Muster GmbH", "À propos de la Fromagerie"), in English, German, French,
 * Spanish, Italian, Portuguese, Dutch, Polish, Russian, Chinese and Japanese; group 1 is the company.
 */
export const ABOUT_HEADING = /^(?:about|über|à propos d(?:e |u |es |')|a propos d(?:e |u |es |')|acerca de |sobre |informazioni su |a proposito d(?:i |el |ella )|over |o (?:firmie |spółce )?|о (?:компании )?|关于|について)\s*(\S.{0,60}?)\s*[:：]?$/iu;

/**
 * Patterns of the start of a press release's contact block or end mark ("Media contact:",
 * "Pressekontakt", "Contact presse", "###", "- ENDS -"), in the same languages.
 */
export const CONTACT_HEADING = /^(?:(?:media|press|investor|news)(?: and (?:media|investor))? (?:contacts?|enquiries|inquiries|relations)|for (?:media|press) (?:enquiries|inquiries)|contacts? (?:presse|médias?)|pressekontakt|medienkontakt|kontakt für (?:medien|journalisten|die presse)|contactos? (?:de|para) (?:prensa|medios)|contatt[io] (?:stampa|per la stampa)|contato (?:para|de|com a) imprensa|perscontact|kontakt (?:dla mediów|prasowy)|контакты? для (?:сми|прессы)|пресс-служба|媒体联系(?:人|方式)?|报道关系|報道関係者|お問い合わせ先|#{3}|-+\s*(?:ends|fin|ende)\s*-+)(?![\p{L}])/iu;
