import { isRecord } from '../http/http-failure';
import { isPlatformError } from '../platform-errors';

/** One Graph insights request for these metric names (`metric=a,b,c`); throws what `graphCall` throws. */
export type AskInsights = (metrics: readonly string[]) => Promise<Record<string, unknown>>;

export interface InsightsAnswer {
  /** Each metric's value as Graph gave it: a number, or an object (`post_reactions_by_type_total`). */
  values: Map<string, unknown>;
  /** Every answer, for the snapshot. */
  raw: unknown[];
  /** Metrics Graph refused, with its words. */
  missing: Array<{ metric: string; reason: string }>;
}

/** How long a refused metric is not asked again by this process (Meta retires names; it rarely revives them). */
export const REFUSED_METRIC_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Metrics Graph refused lately, per Graph version, so a retired name costs one extra request a day
 * instead of one per snapshot. Each adapter holds its own.
 */
export class RefusedMetrics {
  private readonly refused = new Map<string, { reason: string; until: number }>();

  constructor(private readonly now: () => number) {}

  reasonFor(version: string, metric: string): string | null {
    const entry = this.refused.get(`${version}\n${metric}`);
    return entry !== undefined && entry.until > this.now() ? entry.reason : null;
  }

  remember(version: string, metric: string, reason: string): void {
    this.refused.set(`${version}\n${metric}`, { reason, until: this.now() + REFUSED_METRIC_MEMORY_MS });
  }
}

/**
 * Reads insights so that one refused metric never loses the others. Graph refuses the WHOLE request
 * when one name is retired or invalid (error code 100, "The value must be a valid insights metric",
 * or Instagram's "… the impressions metric is no longer supported …"): the names the message mentions
 * are asked alone (to be sure which is refused) and the rest together again; when the message names
 * none, each metric is asked alone. Only a name refused when asked alone is listed as missing.
 * Anything else (auth, rate limit, a post that is gone: code 100 with subcode 33) is thrown as it came.
 */
export async function readInsights(
  ask: AskInsights,
  metrics: readonly string[],
  memory?: { refused: RefusedMetrics; version: string },
): Promise<InsightsAnswer> {
  const answer: InsightsAnswer = { values: new Map(), raw: [], missing: [] };
  const refuse = (metric: string, reason: string) => {
    answer.missing.push({ metric, reason });
    memory?.refused.remember(memory.version, metric, reason);
  };
  let pending = metrics.filter((metric) => {
    const reason = memory?.refused.reasonFor(memory.version, metric) ?? null;
    if (reason !== null) answer.missing.push({ metric, reason });
    return reason === null;
  });

  /** Asks for one metric alone: its value, or its refusal. Anything but a metric refusal is thrown. */
  const askAlone = async (metric: string) => {
    try {
      collect(answer, await ask([metric]));
    } catch (error) {
      const alone = metricRefusal(error);
      if (alone === null) throw error;
      refuse(metric, alone);
    }
  };

  while (pending.length > 0) {
    let reason: string;
    try {
      collect(answer, await ask(pending));
      return answer;
    } catch (error) {
      const unavailable = insightsUnavailable(error);
      if (unavailable !== null) {
        // Nothing to read for this post (yet): every metric missing, the channel's token fine.
        for (const metric of pending) answer.missing.push({ metric, reason: unavailable });
        return answer;
      }
      const refusal = metricRefusal(error);
      if (refusal === null) throw error;
      reason = refusal;
    }
    if (pending.length === 1) {
      refuse(pending[0] ?? '', reason);
      return answer;
    }
    // The names the message mentions are checked alone (a message may mention a good name too),
    // then the rest asked together again; when it names none, each is asked alone.
    const named = namedIn(reason, pending);
    for (const metric of named.length > 0 ? named : pending) await askAlone(metric);
    if (named.length === 0) return answer;
    pending = pending.filter((metric) => !named.includes(metric));
  }
  return answer;
}

/**
 * Graph's "no insights for this media": code 10 — which elsewhere means a missing permission, so the
 * error mapping calls it auth — with "Not enough viewers on the media" (Instagram stories under the
 * privacy threshold) or subcode 2108006 (posted before the account became a business account). The
 * token is fine; the post has no numbers to give.
 */
function insightsUnavailable(error: unknown): string | null {
  if (!isPlatformError(error) || error.kind !== 'auth' || !(error.code === '10' || error.code?.startsWith('10/'))) return null;
  return /not enough viewers|before business account conversion/i.test(error.message) || error.code === '10/2108006' ? error.message : null;
}

/** Graph's refusal of a metric name: code 100 without a subcode (33 is "object does not exist"). */
function metricRefusal(error: unknown): string | null {
  if (!isPlatformError(error) || error.kind !== 'invalid_content' || error.code !== '100') return null;
  return error.message;
}

/**
 * The asked names the message refuses. Instagram lists the names it accepts ("must be one of the
 * following values: …"); then the refused are the asked names not in the list.
 */
function namedIn(message: string, asked: readonly string[]): string[] {
  const mentioned = asked.filter((metric) => new RegExp(`(^|[^a-z0-9_])${metric}([^a-z0-9_]|$)`, 'i').test(message));
  if (/one of the following values/i.test(message)) {
    const notListed = asked.filter((metric) => !mentioned.includes(metric));
    return notListed.length < asked.length ? notListed : [];
  }
  return mentioned;
}

/** `{data: [{name, values: [{value}]}]}` (period metrics) or `{data: [{name, total_value: {value}}]}`. */
function collect(answer: InsightsAnswer, body: Record<string, unknown>): void {
  answer.raw.push(body);
  const data = Array.isArray(body['data']) ? body['data'] : [];
  for (const entry of data) {
    if (!isRecord(entry) || typeof entry['name'] !== 'string') continue;
    const values = Array.isArray(entry['values']) ? entry['values'] : [];
    const last: unknown = values[values.length - 1];
    const value = isRecord(last) ? last['value'] : isRecord(entry['total_value']) ? entry['total_value']['value'] : undefined;
    if (value !== undefined && value !== null) answer.values.set(entry['name'], value);
  }
}
