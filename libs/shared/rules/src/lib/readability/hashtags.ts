/**
 * Screen readers read "#sommerlesing" as one unknown word, but "#SommerLesing" word by word. Without a
 * dictionary a tag cannot be split into its words reliably, so we only point out the likely cases: a
 * long tag (at least CAMEL_CASE_MIN_LETTERS letters) written all in lower case, with no separator of
 * its own (an underscore or a digit already splits it). The writer adds the capitals.
 */
export const CAMEL_CASE_MIN_LETTERS = 12;

export interface HashtagSuggestion {
  /** The tag as written, with its #. */
  tag: string;
}

const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]+)/gu;
const URL = /(?:https?:\/\/|www\.)\S+/gu;

/** Whether `name` (without the #) is a long tag in lower case only, likely several words run together. */
export function needsCamelCase(name: string): boolean {
  if (!/^\p{L}+$/u.test(name)) return false;
  return [...name].length >= CAMEL_CASE_MIN_LETTERS && name === name.toLocaleLowerCase('nb');
}

/** The tags in `text` that should be written in CamelCase, each once, in order. */
export function camelCaseSuggestions(text: string): HashtagSuggestion[] {
  const seen = new Set<string>();
  const suggestions: HashtagSuggestion[] = [];
  for (const match of text.replace(URL, ' ').matchAll(HASHTAG)) {
    const name = match[1] ?? '';
    if (!needsCamelCase(name) || seen.has(name)) continue;
    seen.add(name);
    suggestions.push({ tag: `#${name}` });
  }
  return suggestions;
}
