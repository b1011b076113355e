import type { EffectPeriod } from '@kadens/shared/contracts';

import type { DemoContentType, DemoPlatform } from './demo-numbers';

/**
 * What the demo organisations plan with, in their own language: a strategy as the seed articles describe
 * one (themes, audiences with communication and effect goals, channels with promises, initiatives with
 * hours) and the posts a municipality's communicators write week after week.
 */
export interface DemoStrategy {
  themes: Array<{ key: string; name: string; color: string; description: string }>;
  channels: Array<{
    key: string;
    platform: DemoPlatform;
    name: string;
    handle: string;
    minPostsPerWeek: number;
    openingHours: string;
    publicDescription: string;
    /** Where its posts are found, before the post's own id. */
    postUrl: string;
  }>;
  audiences: Array<{
    key: string;
    name: string;
    description: string;
    communicationGoal: string;
    effectGoal: string;
    target: { metric: string; value: number; period: EffectPeriod } | null;
    /** Twelve shares of the target, January to December: when this audience is most active. */
    season?: number[];
    channels: string[];
  }>;
  initiatives: Array<{ key: string; what: string; outcome: string; hours: number; core: boolean; channels: string[]; audiences: string[] }>;
  posts: Array<{
    theme: string;
    type: DemoContentType;
    audiences: string[];
    initiative: string | null;
    channels: string[];
    title: string;
    body: string;
    link?: string;
  }>;
  effectNote: string;
  capacityHours: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

/** An audience's share of its target in a month (1–12); flat when the audience has no season. */
export function seasonOf(audience: DemoStrategy['audiences'][number], month: number): number {
  return (audience.season ?? FLAT)[month - 1] ?? 1;
}
