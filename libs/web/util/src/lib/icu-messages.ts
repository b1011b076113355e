import { type EnvironmentProviders, inject, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DefaultTranspiler, TRANSLOCO_CONFIG, TRANSLOCO_TRANSPILER, type TranspileParams } from '@jsverse/transloco';
import { parse, type Token } from '@messageformat/parser';

import { intlLocale } from './intl-locale';

/** The parameters a message is given. */
type Params = Record<string, unknown>;

/** An ICU plural or select: `{count, plural, one {# time} other {# timer}}`. */
const ICU_MESSAGE = /\{\s*[\w.]+\s*,\s*(?:plural|selectordinal|select)\s*,/;

/** Whether a translation is an ICU message (the transpiler below reads it as MessageFormat). */
export function isIcuMessage(value: unknown): value is string {
  return typeof value === 'string' && ICU_MESSAGE.test(value);
}

/**
 * Writes an ICU message with its parameters: plurals chosen by the language's CLDR rules
 * (`Intl.PluralRules`), `#` in the language's number format. The message is parsed by
 * `@messageformat/parser` and walked here — never compiled to JavaScript, which the app's CSP forbids.
 */
export function formatIcuMessage(message: string, params: Params, language: string): string {
  return write(parsed(message), params, intlLocale(language), null);
}

const PARSED = new Map<string, Token[]>();
const PLURAL_RULES = new Map<string, Intl.PluralRules>();
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function pluralRules(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}|${type}`;
  let rules = PLURAL_RULES.get(key);
  if (!rules) PLURAL_RULES.set(key, (rules = new Intl.PluralRules(locale, { type })));
  return rules;
}

function numberFormat(locale: string): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(locale);
  if (!format) NUMBER_FORMATS.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function parsed(message: string): Token[] {
  let tokens = PARSED.get(message);
  if (!tokens) {
    tokens = parse(message);
    PARSED.set(message, tokens);
  }
  return tokens;
}

/**
 * `#` stands for the plural's number, less its offset, in the language's format; a value that is not a
 * number (the badge's "99+") is chosen as `other` and written as it is.
 */
function write(tokens: readonly Token[], params: Params, locale: string, hash: number | string | null): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'content':
        text += token.value;
        break;
      case 'argument':
      case 'function':
        text += String(params[token.arg] ?? '');
        break;
      case 'octothorpe':
        text += hash === null ? '#' : typeof hash === 'number' ? numberFormat(locale).format(hash) : hash;
        break;
      default: {
        const value = params[token.arg];
        if (token.type === 'select') {
          const chosen = token.cases.find((option) => option.key === String(value)) ?? token.cases.find((option) => option.key === 'other');
          text += chosen ? write(chosen.tokens, params, locale, hash) : '';
          break;
        }
        const number = Number(value) - (token.pluralOffset ?? 0);
        const category = Number.isNaN(number)
          ? 'other'
          : pluralRules(locale, token.type === 'plural' ? 'cardinal' : 'ordinal').select(number);
        const chosen =
          token.cases.find((option) => option.key === `=${String(value)}`) ??
          token.cases.find((option) => option.key === category) ??
          token.cases.find((option) => option.key === 'other');
        text += chosen ? write(chosen.tokens, params, locale, Number.isNaN(number) ? String(value ?? '') : number) : '';
      }
    }
  }
  return text;
}

/**
 * Plural forms through ICU messages (`{count, plural, one {…} other {…}}`, every parameter in single
 * braces, as MessageFormat writes them); every other message keeps Transloco's `{{param}}`. Only ICU
 * messages are read as MessageFormat, and their parameters are filled in by it, so a `{`, `}` or an
 * apostrophe in any other text, or in what a person typed, is never read as its syntax. The language
 * is the active one (Transloco tells the transpiler of each change; the default language until then).
 */
@Injectable()
export class IcuMessageTranspiler extends DefaultTranspiler {
  private language = inject(TRANSLOCO_CONFIG).defaultLang;

  override transpile(params: TranspileParams): unknown {
    if (!isIcuMessage(params.value)) return super.transpile(params);
    return formatIcuMessage(params.value, params.params ?? {}, this.language);
  }

  onLangChanged(language: string): void {
    this.language = language;
  }
}

/** Transloco with ICU plurals; after `provideTransloco` (the app) or in a test's providers. */
export function provideIcuMessages(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuMessageTranspiler }]);
}
