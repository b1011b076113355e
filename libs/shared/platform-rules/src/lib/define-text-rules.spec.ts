import { appendLink, defineTextRules } from './define-text-rules';
import { countUtf16 } from './text-measure';

const rules = defineTextRules({
  platform: 'webhook',
  unit: 'characters',
  maxLength: 10,
  recommendedMaxLength: 5,
  configurableMaxLength: true,
  media: { min: 1, max: 2, configurable: true },
  linkPlacement: 'in_text',
  count: countUtf16,
});

describe('appendLink', () => {
  it.each<[string, string | null | undefined, string]>([
    ['Hei', 'https://kadens.no', 'Hei\n\nhttps://kadens.no'],
    ['Hei  \n', 'https://kadens.no', 'Hei\n\nhttps://kadens.no'],
    ['', 'https://kadens.no', 'https://kadens.no'],
    ['Les https://kadens.no nå', 'https://kadens.no', 'Les https://kadens.no nå'],
    ['Hei', '  ', 'Hei'],
    ['Hei', null, 'Hei'],
    ['Hei', undefined, 'Hei'],
  ])('%j + %j', (text, link, expected) => {
    expect(appendLink(text, link)).toBe(expected);
  });
});

describe('defineTextRules shared checks', () => {
  it.each<[string, { text: string; link?: string | null; mediaUrls: string[] }, object, string[]]>([
    ['nothing at all', { text: '  ', mediaUrls: [] }, {}, ['content.empty', 'media.required']],
    ['at the recommended cap', { text: '12345', mediaUrls: ['m'] }, {}, []],
    ['over the recommended cap', { text: '123456', mediaUrls: ['m'] }, {}, ['text.over_recommended']],
    ['at the hard limit', { text: '1234567890', mediaUrls: ['m'] }, {}, ['text.over_recommended']],
    ['one over the hard limit only blocks', { text: '12345678901', mediaUrls: ['m'] }, {}, ['text.too_long']],
    ['link counts when it goes into the text', { text: '1234', link: 'ab', mediaUrls: ['m'] }, {}, ['text.over_recommended']],
    ['option raises the limit', { text: '12345678901', mediaUrls: ['m'] }, { maxCharacters: 11 }, ['text.over_recommended']],
    ['option lowers the limit', { text: '1234', mediaUrls: ['m'] }, { maxCharacters: 3 }, ['text.too_long']],
    ['media at the cap', { text: 'a', mediaUrls: ['m', 'n'] }, {}, []],
    ['media over the cap', { text: 'a', mediaUrls: ['m', 'n', 'o'] }, {}, ['media.too_many']],
    ['media cap from options', { text: 'a', mediaUrls: ['m', 'n', 'o'] }, { maxMediaAttachments: 3 }, []],
  ])('%s', (_label, content, options, codes) => {
    expect(rules.validate(content, options).map((issue) => issue.code)).toEqual(codes);
  });

  it('reports the numbers the message needs', () => {
    expect(rules.validate({ text: '12345678901', mediaUrls: [] })).toEqual([
      { code: 'text.too_long', severity: 'block', params: { limit: 10, count: 11, unit: 'characters' } },
      { code: 'media.required', severity: 'block', params: { min: 1, count: 0 } },
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses maxCharacters %p instead of hiding it behind the default', (value) => {
    expect(() => rules.limit({ maxCharacters: value })).toThrow(RangeError);
  });
});
