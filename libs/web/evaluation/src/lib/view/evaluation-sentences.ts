import type { ChannelPromisesKept } from '@kadens/shared/contracts';

/** A sentence as a translation key and its parameters; the template words it in the reader's language. */
export interface Sentence {
  key: string;
  params: Record<string, string | number>;
}

/** "Instagram: 3 of 4 weeks at the promised 3 posts", or what can be said when no minimum is promised. */
export function promiseSentence(channel: ChannelPromisesKept): Sentence {
  if (channel.minPostsPerWeek === null || channel.weeksKept === null) {
    return { key: 'evaluation.promises.noMinimum', params: { channel: channel.name, posts: channel.posts } };
  }
  if (channel.weeks === 0) return { key: 'evaluation.promises.noWeeks', params: { channel: channel.name } };
  return {
    key: 'evaluation.promises.weeksKept',
    params: { channel: channel.name, kept: channel.weeksKept, weeks: channel.weeks, min: channel.minPostsPerWeek },
  };
}

/** A share (0–1) as a whole percentage in the reader's language. */
export function percentText(share: number | null, locale: string): string | null {
  return share === null ? null : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number with at most one decimal in the reader's language. */
export function numberText(value: number | null, locale: string): string | null {
  return value === null ? null : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
