/**
 * The few RFC 5545 rules a feed gets wrong when text is pasted in raw: TEXT values escaped (§3.3.11),
 * no bare CR or LF anywhere, every line ending in CRLF (the last one too), and lines folded at 75
 * octets (§3.1) without splitting a UTF-8 sequence.
 */

const MAX_LINE_OCTETS = 75;

/** A TEXT value: backslash, semicolon and comma escaped; any line break (CRLF, CR or LF) becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (e.g. a TZID): quoted when it holds `:`, `;` or `,`; CR, LF, other controls and quotes dropped. */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * One content line folded into lines of at most 75 octets: continuation lines start with a space,
 * which counts towards their 75. Breaks only between code points, so no UTF-8 sequence is split.
 */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  lines.push(current);
  return lines;
}

/** Content lines (unfolded, no line breaks in them) into an iCalendar stream: folded, CRLF after each. */
export function serializeLines(lines: readonly string[]): string {
  return lines
    .flatMap((line) => {
      if (/[\r\n]/.test(line))
        throw new Error(`an iCalendar content line must not hold a raw line break: ${JSON.stringify(line.slice(0, 40))}`);
      return foldLine(line);
    })
    .map((line) => `${line}\r\n`)
    .join('');
}

/** A block of iCalendar text (e.g. a VTIMEZONE from a library) as unfolded content lines, whatever its line endings. */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** UTC as `20270105T080000Z`. */
export function utcStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
