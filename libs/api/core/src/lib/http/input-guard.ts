import type { FieldError } from '@kadens/shared/contracts';

/** Deepest nesting of arrays and objects a JSON body may have; Kadens' own requests stay below 6. */
export const MAX_INPUT_DEPTH = 32;

/** A lone UTF-16 surrogate: a high one not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** PostgreSQL refuses U+0000 in text and jsonb alike. */
const NUL = '\u0000';

/** Keys that reach for an object's prototype: never a field of a Kadens request. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface InputProblem extends FieldError {
  code: 'invalid_characters' | 'too_deeply_nested' | 'forbidden_key';
}

/** Why a string cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it contains a lone surrogate)';
  return null;
}

/**
 * The first thing in a parsed JSON body, query or route parameter that Kadens refuses before any DTO
 * sees it: text PostgreSQL cannot store (NUL, lone surrogates — in values and keys alike), prototype
 * keys, and nesting deeper than `maxDepth` (which would overflow class-transformer's recursion). Walks
 * with its own stack, so a hostile depth cannot overflow this walk either. `root` names the whole value
 * (`body`); fields are dotted paths below it without the root (`targets.0.body`).
 */
export function findInputProblem(value: unknown, root: string, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string; depth: number };
    const field = item.path || root;
    if (typeof item.value === 'string') {
      const problem = unstorableText(item.value);
      if (problem) return { field, messages: [`${field} ${problem}`], code: 'invalid_characters' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth)
      return { field: root, messages: [`${root} must not nest arrays and objects more than ${maxDepth} deep`], code: 'too_deeply_nested' };
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      const keyProblem = unstorableText(key);
      if (keyProblem)
        return { field: item.path || root, messages: [`${item.path || root}: a key ${keyProblem}`], code: 'invalid_characters' };
      if (PROTOTYPE_KEYS.has(key)) return { field: path, messages: [`${path} is not an allowed name`], code: 'forbidden_key' };
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return null;
}
