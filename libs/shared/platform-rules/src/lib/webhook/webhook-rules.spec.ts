import { webhookRules } from './webhook-rules';

describe('Webhook', () => {
  it('has no limit and sends the link as its own field', () => {
    const content = { text: 'æ'.repeat(100000), link: 'https://kommune.no', mediaUrls: [] };
    expect(webhookRules.validate(content)).toEqual([]);
    expect(webhookRules.composeText(content)).toBe(content.text);
  });

  it('still refuses a post with nothing in it', () => {
    expect(webhookRules.validate({ text: ' \n ', link: '', mediaUrls: [] }).map((issue) => issue.code)).toEqual(['content.empty']);
  });
});
