import { WORDPRESS_TITLE_MAX, wordpressPostFields } from './wordpress-content';

describe('wordpressPostFields', () => {
  it('takes the first line as title and the rest as paragraphs', () => {
    expect(wordpressPostFields('Ny skole\n\nÅpner i august.\nVelkommen!\n\nLes mer: https://kommune.no/skole.')).toEqual({
      title: 'Ny skole',
      content:
        '<p>Åpner i august.<br />\nVelkommen!</p>\n\n<p>Les mer: <a href="https://kommune.no/skole">https://kommune.no/skole</a>.</p>',
    });
  });

  it('keeps a one-line text whole in the body', () => {
    expect(wordpressPostFields('Bare én linje')).toEqual({ title: 'Bare én linje', content: '<p>Bare én linje</p>' });
  });

  it('shortens a long first line at a word and keeps the whole text in the body', () => {
    const line = `${'ord '.repeat(30)}slutt`;
    const fields = wordpressPostFields(`${line}\nmer`);
    expect(fields.title.length).toBeLessThanOrEqual(WORDPRESS_TITLE_MAX);
    expect(fields.title.endsWith('ord…')).toBe(true);
    expect(fields.content).toBe(`<p>${line}<br />\nmer</p>`);
  });

  it('escapes HTML, so text cannot inject markup', () => {
    expect(wordpressPostFields('Tittel\n<script>alert("x")</script> & mer').content).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mer</p>',
    );
  });
});
