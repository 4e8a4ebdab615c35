/**
 * Text weight: a length measure that is fair across scripts. Scripts written without spaces
 * carry a word in one to two characters (Chinese, Japanese) where Latin, Cyrillic or Arabic text
 * needs five or six, so the length thresholds of the extractor (a block long enough to score, an
 * article long enough to trust) count such characters more than once.
 */

/** Weight of a Han ideograph or a kana (about one word in two characters, against five or six letters a word in Latin scripts). */
export const IDEOGRAPH_WEIGHT = 3;
/** Weight of a Hangul syllable (Korean puts spaces between words, but a syllable is two or three letters). */
export const HANGUL_WEIGHT = 2;

/** Weight of one UTF-16 code unit `c` that is not whitespace. */
export function charWeight(c: number): number {
  if (c < 0x3040) return 1;
  if (c <= 0x30ff || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return IDEOGRAPH_WEIGHT;
  if (c >= 0xac00 && c <= 0xd7af) return HANGUL_WEIGHT;
  return 1;
}

/**
 * The weight of a text: its characters with whitespace runs counted as one, ideographs and kana
 * counted IDEOGRAPH_WEIGHT times, Hangul syllables HANGUL_WEIGHT times.
 *
 * @example textWeight("Hello world") // 11
 * @example textWeight("北京时间") // 12
 */
export function textWeight(s: string): number {
  let n = 0;
  let ws = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!ws) n++;
      ws = true;
    } else {
      n += charWeight(c);
      ws = false;
    }
  }
  return n;
}
