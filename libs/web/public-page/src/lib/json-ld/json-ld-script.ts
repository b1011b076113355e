/** Marks the script this page adds, so it is never confused with another page's structured data. */
export const JSON_LD_MARKER = 'data-kadens-json-ld';

/**
 * Puts structured data into `<head>` as `<script type="application/ld+json">` for search engines and
 * returns what takes it out again. `<` is escaped so no value can close the script early.
 */
export function attachJsonLd(document: Document, data: unknown): () => void {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute(JSON_LD_MARKER, '');
  script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  document.head.appendChild(script);
  return () => script.remove();
}
