import type { Locale } from '@kadens/shared/contracts';

/**
 * LIX, Björnsson's läsbarhetsindex (C.-H. Björnsson, "Läsbarhet", 1968; in English: J. Anderson,
 * "Lix and Rix: Variations on a little-known readability index", Journal of Reading 26(6), 1983):
 *
 *   LIX = words / sentences + 100 × long words / words, where a long word has more than 6 letters.
 *
 * How a text is cut up (our choices, for Norwegian, Danish and Swedish posts):
 * - URLs (http…, www.…), e-mail addresses, @mentions (also @name@instance) and #hashtags are not text
 *   and are left out before counting.
 * - A word is a run of letters and digits (Unicode: æøå, äö and the rest), which may be joined by
 *   a hyphen, an apostrophe or a dot ("e-post", "bl.a"), and which has at least one letter: numbers
 *   alone ("2026", "12.30") are not words. Only letters count towards the length ("e-post" has 5).
 * - A sentence ends at ! ? : or … and at a full stop — but not the full stop of an abbreviation:
 *   one with a dot inside ("bl.a.", "f.eks.", "o.l.", "t.ex.", "m.m.") or one of ABBREVIATIONS
 *   ("ca.", "kl.", "dvs.", "osv."…), nor a number's full stop before a word in lower case (the
 *   ordinals of "7. desember"). A line break ends a sentence too: on social media a line without
 *   punctuation (a heading, a list item) is read as a sentence of its own. A text with words but no
 *   sentence end is one sentence.
 */

/** Abbreviations without an inner dot whose full stop does not end a sentence (nb, da, sv). */
const ABBREVIATIONS = new Set([
  'ca',
  'kl',
  'nr',
  'dvs',
  'osv',
  'mfl',
  'evt',
  'ev',
  'etc',
  'inkl',
  'ekskl',
  'exkl',
  'pga',
  'mht',
  'iht',
  'ifm',
  'jf',
  'jfr',
  'tlf',
  'tel',
  'fx',
  'bla',
  'eks',
  'resp',
  'obs',
  'st',
  'dr',
  'hr',
  'fru',
  'mvh',
  'vs',
  'ang',
  'vedr',
  'iflg',
  'ifølge',
  'sk',
  'fr',
  'bl',
]);

/** LIX is defined for the Scandinavian languages; it means little for English text. */
export const LIX_LOCALES: readonly Locale[] = ['nb', 'da', 'sv'];

/** The target when the organisation has set none: at most 40 ("easy", the level of ordinary prose and news). */
export const DEFAULT_READABILITY_TARGET = 40;
/** The targets an organisation may set. */
export const READABILITY_TARGET_MIN = 10;
export const READABILITY_TARGET_MAX = 80;

/**
 * The usual bands (Björnsson 1968, as cited by e.g. the Swedish and Danish LIX literature): under 30
 * very easy (children's books), 30–40 easy (fiction, news), 40–50 medium (factual text), 50–60
 * difficult (specialist text), over 60 very difficult (research, law). A boundary value belongs to the
 * band above it (40 is "medium").
 */
export type LixBand = 'very_easy' | 'easy' | 'medium' | 'difficult' | 'very_difficult';

export interface LixResult {
  /** Rounded to a whole number, as LIX is shown. */
  lix: number;
  /** Unrounded, for tests and comparisons. */
  exact: number;
  words: number;
  sentences: number;
  longWords: number;
  band: LixBand;
}

const EXCLUDED =
  /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}_])[@#][\p{L}\p{N}_]+(?:@[\p{L}\p{N}.-]+)?/gu;
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/gu;
const HAS_LETTER = /\p{L}/u;
/** What may follow a sentence's end inside the same whitespace-separated token: quotes, brackets, emoji. */
const TOKEN_END = /([.!?:…]+)[^\p{L}\p{N}]*$/u;

export function lixBand(lix: number): LixBand {
  if (lix < 30) return 'very_easy';
  if (lix < 40) return 'easy';
  if (lix < 50) return 'medium';
  if (lix < 60) return 'difficult';
  return 'very_difficult';
}

export function isLixLocale(locale: string | null | undefined): locale is Locale {
  return !!locale && (LIX_LOCALES as readonly string[]).includes(locale);
}

function letterCount(word: string): number {
  return word.match(LETTER)?.length ?? 0;
}

/** Whether the full stop closing `token` (whose next token is `next`) ends a sentence. */
function fullStopEnds(token: string, next: string | undefined): boolean {
  const words = token.match(WORD) ?? [];
  const last = words[words.length - 1];
  if (!last) return true;
  if (!HAS_LETTER.test(last)) {
    // A number: an ordinal ("7. desember") unless a capital or nothing follows.
    const nextWord = next?.match(WORD)?.[0];
    return !nextWord || !/^\p{Ll}/u.test(nextWord);
  }
  if (last.includes('.')) return false;
  return !ABBREVIATIONS.has(last.toLocaleLowerCase('nb'));
}

/** Counts words, sentences and long words, and gives the LIX; null for a text without words. */
export function lixOf(text: string): LixResult | null {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const line of text.replace(EXCLUDED, ' ').split(/\r?\n/)) {
    const tokens = line.split(/\s+/).filter((token) => token.length > 0);
    let wordsInSentence = 0;
    tokens.forEach((token, index) => {
      for (const word of token.match(WORD) ?? []) {
        if (!HAS_LETTER.test(word)) continue;
        words++;
        wordsInSentence++;
        if (letterCount(word) > 6) longWords++;
      }
      const end = TOKEN_END.exec(token)?.[1];
      if (!end || wordsInSentence === 0) return;
      if (/[!?:…]/u.test(end) || end.length > 1 || fullStopEnds(token, tokens[index + 1])) {
        sentences++;
        wordsInSentence = 0;
      }
    });
    if (wordsInSentence > 0) sentences++;
  }
  if (words === 0) return null;
  const exact = words / sentences + (100 * longWords) / words;
  return { lix: Math.round(exact), exact, words, sentences, longWords, band: lixBand(exact) };
}

/** The target that applies: the organisation's, else DEFAULT_READABILITY_TARGET. */
export function readabilityTarget(organizationTarget: number | null | undefined): number {
  return organizationTarget ?? DEFAULT_READABILITY_TARGET;
}

/** Above the target (compared as shown, rounded): the composer gives a gentle hint, never blocks. */
export function isAboveTarget(result: LixResult, target: number): boolean {
  return result.lix > target;
}
