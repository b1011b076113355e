import type { ChannelView, PostRevisionView } from '@kadens/shared/contracts';
import { intlLocale } from '@kadens/web/util';

import type { TranslatedText } from '../shared/translated-text';
import { type DiffPart, diffWords, hasChanges } from './word-diff';

/** One changed text: its label and the words removed and added. */
interface ChangedText {
  id: string;
  label: TranslatedText;
  parts: DiffPart[];
}

type Content = PostRevisionView['content'];

/**
 * What changed in the texts between the last approved revision and the current one: the title, the
 * text, the link, and each channel's own text (a channel added or dropped shows as all new or all gone).
 */
export function changedTexts(approved: Content, current: Content, channels: readonly Pick<ChannelView, 'id' | 'name'>[]): ChangedText[] {
  const changes: ChangedText[] = [];
  const add = (id: string, label: TranslatedText, before: string, after: string) => {
    const parts = diffWords(before, after);
    if (hasChanges(parts)) changes.push({ id, label, parts });
  };
  add('title', { key: 'approvals.diff.title' }, approved.title, current.title);
  add('body', { key: 'approvals.diff.body' }, approved.body, current.body);
  add('link', { key: 'approvals.diff.link' }, approved.link ?? '', current.link ?? '');
  const channelIds = [...new Set([...approved.targets, ...current.targets].map((target) => target.channelId))];
  for (const channelId of channelIds) {
    const before = approved.targets.find((target) => target.channelId === channelId);
    const after = current.targets.find((target) => target.channelId === channelId);
    const channel = channels.find((candidate) => candidate.id === channelId)?.name ?? '';
    // A channel that used the shared text before and after has no text of its own to compare.
    if (before && after && !before.textVariant && !after.textVariant) continue;
    const beforeText = before ? (before.textVariant ?? approved.body) : '';
    const afterText = after ? (after.textVariant ?? current.body) : '';
    add(`channel-${channelId}`, { key: 'approvals.diff.channel', params: { channel } }, beforeText, afterText);
  }
  return changes;
}

/**
 * A planned time on the diff's time line, short, in the organisation's zone and the reader's language:
 * "12. des., 09:00" in bokmål, "12 Dec, 09:00" in English; null for no time. Without a zone: ''.
 */
export function diffTime(instant: string | null, timeZone: string | null, language: string): string | null {
  if (instant === null) return null;
  const date = new Date(instant);
  if (!timeZone || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
