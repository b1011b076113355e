/**
 * A Kadens post has no title, and WordPress wants one: the first line becomes the title and the
 * rest the body. When the first line is too long for a title, the title is its shortened start and
 * the body keeps the whole text, so nothing is lost either way.
 */
export const WORDPRESS_TITLE_MAX = 80;

export interface WordPressPostFields {
  title: string;
  content: string;
}

export function wordpressPostFields(text: string): WordPressPostFields {
  const trimmed = text.trim();
  const newline = trimmed.indexOf('\n');
  const firstLine = (newline === -1 ? trimmed : trimmed.slice(0, newline)).trim();
  const rest = newline === -1 ? '' : trimmed.slice(newline + 1).trim();
  if (firstLine.length <= WORDPRESS_TITLE_MAX && rest !== '') return { title: firstLine, content: toHtml(rest) };
  return { title: shorten(firstLine), content: toHtml(trimmed) };
}

function shorten(line: string): string {
  if (line.length <= WORDPRESS_TITLE_MAX) return line;
  const cut = line.slice(0, WORDPRESS_TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > WORDPRESS_TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Paragraphs at blank lines, line breaks inside them, everything escaped and bare URLs made links. */
function toHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim().split('\n').map(linkify).join('<br />\n')}</p>`)
    .join('\n\n');
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'’]/g;

function linkify(line: string): string {
  let html = '';
  let from = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    html += escapeHtml(line.slice(from, match.index)) + `<a href="${escapeHtml(match[0])}">${escapeHtml(match[0])}</a>`;
    from = match.index + match[0].length;
  }
  return html + escapeHtml(line.slice(from));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
