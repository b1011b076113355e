import { countAt, knownNumbers, sumOfKnown } from '../metrics-numbers';
import type { MetricsReading } from '../platform-adapter';

/** One authorised GET on the instance, through the adapter's guarded client and its error mapping. */
export type MastodonGet = (path: string) => Promise<Record<string, unknown>>;

/**
 * A status's public counts (issue 13), from `GET /api/v1/statuses/:id`
 * (https://docs.joinmastodon.org/methods/statuses/#get, entity https://docs.joinmastodon.org/entities/Status):
 * `replies_count` → comments, `favourites_count` → reactions, `reblogs_count` + `quotes_count` → shares.
 *
 * A quote is a boost with words of its own, so both count as shares; `quotes_count` exists from
 * Mastodon 4.5, and on older instances (or other servers speaking the API) shares are the boosts alone.
 * The raw answer keeps each count apart. Mastodon gives no views, reach, clicks or saves: those stay absent.
 * A deleted status answers 404 `Record not found`, which the adapter's mapping makes invalid content.
 */
export async function readMastodonMetrics(statusId: string, get: MastodonGet): Promise<MetricsReading> {
  const status = await get(`/api/v1/statuses/${encodeURIComponent(statusId)}`);
  const numbers = knownNumbers({
    comments: countAt(status, 'replies_count'),
    reactions: countAt(status, 'favourites_count'),
    shares: sumOfKnown(countAt(status, 'reblogs_count'), countAt(status, 'quotes_count')),
  });
  return { numbers, raw: pickCounts(status) };
}

/** The snapshot keeps the counts and the status's identity, not its whole body (content, account, media). */
function pickCounts(status: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ['id', 'url', 'created_at', 'replies_count', 'reblogs_count', 'favourites_count', 'quotes_count']) {
    if (key in status) kept[key] = status[key];
  }
  return kept;
}
