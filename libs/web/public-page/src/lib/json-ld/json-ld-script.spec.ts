import { attachJsonLd, JSON_LD_MARKER } from './json-ld-script';

describe('attachJsonLd', () => {
  const scripts = () => document.head.querySelectorAll<HTMLScriptElement>(`script[type="application/ld+json"][${JSON_LD_MARKER}]`);

  it('adds the data as a JSON-LD script in the head and takes it out again', () => {
    const data = { '@context': 'https://schema.org', '@type': 'Organization', name: 'Bølgeby Kommune' };
    const detach = attachJsonLd(document, data);
    expect(scripts()).toHaveLength(1);
    expect(JSON.parse(scripts()[0]?.textContent ?? '')).toEqual(data);
    detach();
    expect(scripts()).toHaveLength(0);
  });

  it('cannot be closed early by a value', () => {
    const detach = attachJsonLd(document, { name: '</script><script>alert(1)</script>' });
    const text = scripts()[0]?.textContent ?? '';
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
    detach();
  });
});
