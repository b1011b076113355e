import { escapeText, serializeLines, utcStamp } from '@kadens/api/public';
import type { PlanRow } from '@kadens/api/posts';

/** How long a post's event lasts in the calendar: posts are instants; half an hour keeps them visible. */
const EVENT_MS = 30 * 60_000;

const STATE_WORDS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  cancelled: 'Cancelled',
};

export interface PlanFeed {
  organizationName: string;
  /** PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  organizationId: string;
  hostname: string;
  now: number;
}

/**
 * The plan as an iCalendar stream (RFC 5545), written with the same line writer as the availability
 * feed (escaping, 75-octet folding, CRLF). Times are UTC (`DTSTART:…Z`), so no VTIMEZONE is needed and
 * every client shows the post at its own local time. UID is the post's id (stable), SEQUENCE its
 * revision, LAST-MODIFIED its last change; REFRESH-INTERVAL and X-PUBLISHED-TTL ask clients (Outlook,
 * Apple, Google when it listens) to fetch hourly.
 */
export function planIcs(feed: PlanFeed, rows: readonly PlanRow[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kadens//Plan feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(`${feed.organizationName} – Kadens`)}`,
    `X-WR-CALNAME:${escapeText(`${feed.organizationName} – Kadens`)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const row of rows) {
    const start = row.planned_at.getTime();
    // The post's review page (`/o/:organizationId/approvals/:postId`): its text per channel, state and history.
    const url = `${feed.publicUrl}/o/${feed.organizationId}/approvals/${row.id}`;
    const state = STATE_WORDS[row.state] ?? row.state;
    const channels = row.channels.join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${row.id}@${feed.hostname}`,
      `DTSTAMP:${utcStamp(feed.now)}`,
      `DTSTART:${utcStamp(start)}`,
      `DTEND:${utcStamp(start + EVENT_MS)}`,
      `SUMMARY:${escapeText(`${row.title} [${state}]`)}`,
      `DESCRIPTION:${escapeText(`${state}\n${channels}\n${row.theme}\n\n${url}`)}`,
      `LOCATION:${escapeText(channels)}`,
      `CATEGORIES:${[row.theme, ...row.channels].map(escapeText).join(',')}`,
      `URL:${url}`,
      `STATUS:${row.state === 'cancelled' ? 'CANCELLED' : row.state === 'approved' ? 'CONFIRMED' : 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
      `SEQUENCE:${row.revision}`,
      `CREATED:${utcStamp(row.created_at.getTime())}`,
      `LAST-MODIFIED:${utcStamp(row.updated_at.getTime())}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return serializeLines(lines);
}
