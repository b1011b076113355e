/**
 * The demo year's made-up result numbers (issue 13): plausible per platform — each gives only the metrics
 * its API gives (Mastodon no views, reach or clicks; Instagram no clicks; no platform video views for
 * posts without video) — and per content type, so that "which content types work best" has an answer.
 */
export type DemoPlatform = 'facebook' | 'instagram' | 'linkedin' | 'mastodon';
export type DemoContentType = 'news' | 'how_to' | 'event' | 'campaign' | 'press_release' | 'question_poll';

export const DEMO_METRICS = ['views', 'reach', 'reactions', 'comments', 'shares', 'clicks', 'saves'] as const;
export type DemoMetric = (typeof DEMO_METRICS)[number];
export type DemoNumbers = Partial<Record<DemoMetric, number>>;

/** A small seeded generator, so every demo organisation gets the same year on every machine. */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About 1 around the median, with a long tail: most posts are ordinary, a few take off. */
function spread(random: () => number, sigma: number): number {
  const u = Math.max(random(), 1e-9);
  const v = random();
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/** Final (28-day) rates per platform: audience size, then each metric as a share of it (or a count, for Mastodon). */
const PLATFORM_BASE: Record<DemoPlatform, { reach: number; viewsPerReach: number } & Partial<Record<DemoMetric, number>>> = {
  facebook: { reach: 2400, viewsPerReach: 1.45, reactions: 0.03, comments: 0.004, shares: 0.006, clicks: 0.012 },
  instagram: { reach: 950, viewsPerReach: 1.3, reactions: 0.065, comments: 0.005, shares: 0.004, saves: 0.009 },
  linkedin: { reach: 420, viewsPerReach: 1.6, reactions: 0.025, comments: 0.003, shares: 0.004, clicks: 0.022 },
  // Mastodon's public counts only: favourites, boosts, replies.
  mastodon: { reach: 0, viewsPerReach: 0, reactions: 14, comments: 2.2, shares: 6 },
};

/** How each content type does against a news post: reach first, then the engagement metrics. */
const CONTENT_TYPE_EFFECT: Record<DemoContentType, Partial<Record<DemoMetric, number>>> = {
  news: {},
  how_to: { reach: 0.9, reactions: 0.8, comments: 0.7, shares: 1.7, clicks: 2.1, saves: 3.2 },
  event: { reach: 1.25, reactions: 1.35, comments: 1.1, shares: 2.3, clicks: 1.5, saves: 1.4 },
  campaign: { reach: 1.55, reactions: 1.1, comments: 0.8, shares: 1.3, clicks: 1.2, saves: 0.8 },
  press_release: { reach: 0.65, reactions: 0.5, comments: 0.6, shares: 0.6, clicks: 0.8, saves: 0.4 },
  question_poll: { reach: 1.1, reactions: 0.95, comments: 5.5, shares: 0.6, clicks: 0.4, saves: 0.5 },
};

/** The share of the final numbers each collection stage had seen. */
export const DEMO_STAGES: ReadonlyArray<{ stage: string; after: string; hours: number; share: number }> = [
  { stage: '1h', after: '1 hour', hours: 1, share: 0.14 },
  { stage: '24h', after: '24 hours', hours: 24, share: 0.66 },
  { stage: '7d', after: '7 days', hours: 168, share: 0.93 },
  { stage: '28d', after: '28 days', hours: 672, share: 1 },
];

export interface DemoPostFacts {
  platform: DemoPlatform;
  contentType: DemoContentType;
  hasLink: boolean;
  /** 0 for the year's first week, 1 for its last: the accounts grow a little over the year. */
  progress: number;
  /** Summer and Christmas weeks are quieter. */
  season: number;
}

/** A post's final numbers on one platform. */
export function finalNumbers(facts: DemoPostFacts, random: () => number): DemoNumbers {
  const base = PLATFORM_BASE[facts.platform];
  const effect = CONTENT_TYPE_EFFECT[facts.contentType];
  const growth = 0.85 + 0.3 * facts.progress;
  const luck = spread(random, 0.45) * growth * facts.season;
  const numbers: DemoNumbers = {};
  const reach = base.reach * (effect.reach ?? 1) * luck;
  if (base.reach > 0) {
    numbers.reach = Math.round(reach);
    numbers.views = Math.round(reach * base.viewsPerReach * (0.9 + 0.2 * random()));
  }
  for (const metric of ['reactions', 'comments', 'shares', 'clicks', 'saves'] as const) {
    const rate = base[metric];
    if (rate === undefined) continue;
    let factor = (effect[metric] ?? 1) * spread(random, 0.3);
    if (metric === 'clicks') factor *= facts.hasLink ? 1 : 0.25;
    const value = base.reach > 0 ? reach * rate * factor : rate * factor * luck;
    numbers[metric] = Math.round(value);
  }
  return numbers;
}

/** What a stage had seen of the final numbers: a share of each, never more than the next stage. */
export function stageNumbers(final: DemoNumbers, share: number, random: () => number): DemoNumbers {
  const numbers: DemoNumbers = {};
  for (const metric of DEMO_METRICS) {
    const value = final[metric];
    if (value === undefined) continue;
    const jitter = share >= 1 ? 1 : Math.min(1, share * (0.9 + 0.2 * random()));
    numbers[metric] = Math.floor(value * jitter);
  }
  return numbers;
}
