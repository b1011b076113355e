import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/e2e.mjs's local SMTP server writes what Kadens sends (one .eml per mail). */
const MAIL_DIR = process.env['E2E_MAIL_DIR'] ?? 'tmp/e2e-mail';

export interface Mail {
  to: string[];
  subject: string;
  raw: string;
}

function readMails(): Mail[] {
  let files: string[];
  try {
    files = readdirSync(MAIL_DIR)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = decode(readFileSync(join(MAIL_DIR, file), 'utf8'));
    const to = (/^X-Envelope-To: (.*)$/m.exec(raw)?.[1] ?? '').split(',');
    const subject = decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)$/im.exec(raw)?.[1] ?? '');
    return { to, subject, raw };
  });
}

/** Waits for a mail to `to` (whose subject matches, when given) that arrived after `after` mails. */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 30_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = readMails()
      .reverse()
      .find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the mail that starts with `prefix` (e.g. the app's base URL). */
export function linkIn(mail: Mail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"<>]*`).exec(mail.raw);
  if (!match) throw new Error(`no link starting with ${prefix} in mail "${mail.subject}"`);
  return match[0];
}

/** Undoes quoted-printable soft breaks and escapes in the body, so links read whole. */
function decode(raw: string): string {
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(raw)) return raw;
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/=\r?\n/g, '');
  const bytes = Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return head + bytes.toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=` / `?B?`), as nodemailer writes non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}
