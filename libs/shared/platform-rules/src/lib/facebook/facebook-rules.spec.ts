import { facebookRules } from './facebook-rules';

describe('Facebook', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['5,000 characters', 'æ'.repeat(5000), []],
    ['5,001 warns', 'æ'.repeat(5001), [['text.over_recommended', 'warn']]],
    ['63,206 still only warns', 'æ'.repeat(63206), [['text.over_recommended', 'warn']]],
    ['63,207 blocks', 'æ'.repeat(63207), [['text.too_long', 'block']]],
    ['2,500 emoji are 5,000 UTF-16 units', '\u{1F389}'.repeat(2500), []],
    ['2,501 emoji are 5,002', '\u{1F389}'.repeat(2501), [['text.over_recommended', 'warn']]],
  ])('%s', (_label, text, expected) => {
    const issues = facebookRules.validate({ text, mediaUrls: [] });
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual(expected);
  });

  it('exposes both the hard limit and the cap', () => {
    expect(facebookRules.maxLength).toBe(63206);
    expect(facebookRules.recommendedMaxLength).toBe(5000);
  });

  it('sends the link beside the text, so it is not counted', () => {
    const content = { text: 'æ'.repeat(5000), link: 'https://kommune.no/sommer', mediaUrls: [] };
    expect(facebookRules.composeText(content)).toBe(content.text);
    expect(facebookRules.validate(content)).toEqual([]);
  });

  it('accepts a post that is only a link', () => {
    expect(facebookRules.validate({ text: '', link: 'https://kommune.no', mediaUrls: [] })).toEqual([]);
  });
});
