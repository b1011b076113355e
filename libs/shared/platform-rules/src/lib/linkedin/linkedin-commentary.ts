/**
 * LinkedIn's Posts API reads `commentary` as "little" text, where `\ | { } @ [ ] ( ) < > # * _ ~`
 * are markup. Unescaped, they are parsed as mentions or templates and the post is silently cut at
 * the first one, while the API still answers 201.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

declare const escaped: unique symbol;
/** Commentary that has been escaped exactly once; only `escapeLinkedInCommentary` makes one. */
export type LinkedInCommentary = string & { readonly [escaped]: true };

/**
 * Backslash-escapes every reserved character. Escaping is not idempotent (`\` itself is reserved),
 * so the parameter type refuses an already escaped `LinkedInCommentary` at compile time; stored and
 * counted text is always the unescaped original.
 */
export function escapeLinkedInCommentary(text: string & { readonly [escaped]?: never }): LinkedInCommentary {
  return text.replace(RESERVED, '\\$&') as LinkedInCommentary;
}
