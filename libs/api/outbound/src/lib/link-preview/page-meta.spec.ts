import { declaredCharset, readPageMeta } from './page-meta';

const PAGE = 'https://fjordvik.kommune.no/nyheter/skolemat';

describe('readPageMeta', () => {
  it('reads Open Graph tags, entities decoded, attributes in any order, the image resolved against the page', () => {
    const html = `<!doctype html><html><head>
      <title>Ignored title</title>
      <meta content="Skolemat &amp; lunsj" property="og:title">
      <meta property='og:description' content='Gratis   lunsj for alle
        elever fra januar.'>
      <meta property="og:image" content="/bilder/lunsj.jpg">
      <meta property="og:image" content="/bilder/second.jpg">
      <meta property="og:site_name" content="Fjordvik kommune">
    </head><body><h1>x</h1></body></html>`;
    expect(readPageMeta(html, PAGE)).toEqual({
      url: PAGE,
      title: 'Skolemat & lunsj',
      description: 'Gratis lunsj for alle elever fra januar.',
      imageUrl: 'https://fjordvik.kommune.no/bilder/lunsj.jpg',
      siteName: 'Fjordvik kommune',
    });
  });

  it('falls back to Twitter card tags, then <title> and meta description', () => {
    expect(
      readPageMeta(
        '<head><title>Vis&aring; &lt;ny&gt;</title><meta name="twitter:image" content="img/a.png"><meta name="Description" content="Kort"></head>',
        PAGE,
      ),
    ).toEqual({
      url: PAGE,
      title: 'Viså <ny>',
      description: 'Kort',
      imageUrl: 'https://fjordvik.kommune.no/nyheter/img/a.png',
      siteName: null,
    });
    expect(readPageMeta('<meta name="twitter:title" content="T"><meta name="twitter:description" content="D">', PAGE)).toMatchObject({
      title: 'T',
      description: 'D',
    });
  });

  it('gives nulls for a page without any, keeps only http(s) images, honours <base href> and og:url', () => {
    expect(readPageMeta('<p>hei</p>', PAGE)).toEqual({ url: PAGE, title: null, description: null, imageUrl: null, siteName: null });
    expect(readPageMeta('<meta property="og:image" content="javascript:alert(1)">', PAGE).imageUrl).toBeNull();
    expect(readPageMeta('<base href="https://cdn.example/x/"><meta property="og:image" content="a.jpg">', PAGE).imageUrl).toBe(
      'https://cdn.example/x/a.jpg',
    );
    expect(readPageMeta('<meta property="og:url" content="https://kommune.no/a">', PAGE).url).toBe('https://kommune.no/a');
  });

  it('caps very long titles', () => {
    const title = readPageMeta(`<title>${'a'.repeat(400)}</title>`, PAGE).title ?? '';
    expect(title).toHaveLength(300);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('declaredCharset', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  it('takes the header first, then a <meta charset> in the first 1024 bytes, else UTF-8', () => {
    expect(declaredCharset('text/html; charset=ISO-8859-1', bytes('<meta charset="utf-8">'))).toBe('iso-8859-1');
    expect(declaredCharset('text/html', bytes('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(declaredCharset('text/html', bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'))).toBe(
      'iso-8859-15',
    );
    expect(declaredCharset('text/html; charset=nonsense', bytes(''))).toBe('utf-8');
    expect(declaredCharset(null, bytes(`${' '.repeat(1100)}<meta charset="latin1">`))).toBe('utf-8');
  });

  it('decodes a Latin-1 page right', () => {
    const page = Buffer.from('<title>Blåbær på Ørland</title>', 'latin1');
    const charset = declaredCharset('text/html; charset=iso-8859-1', page);
    expect(readPageMeta(new TextDecoder(charset).decode(page), PAGE).title).toBe('Blåbær på Ørland');
  });
});
