import { wordpressRules } from './wordpress-rules';

describe('WordPress', () => {
  it.each<[string, string, number]>([
    ['a long article', 'Kommunen informerer. '.repeat(10000), 0],
    ['emoji and CJK', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} 日本語'.repeat(5000), 0],
  ])('has no limit: %s', (_label, text, issues) => {
    expect(wordpressRules.limit()).toBeNull();
    expect(wordpressRules.validate({ text, mediaUrls: [] })).toHaveLength(issues);
  });

  it('puts the link in the post body', () => {
    expect(wordpressRules.composeText({ text: 'Les mer', link: 'https://kommune.no' })).toBe('Les mer\n\nhttps://kommune.no');
  });
});
