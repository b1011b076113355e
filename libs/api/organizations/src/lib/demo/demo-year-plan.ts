import { randomUUID } from 'node:crypto';

import {
  addDays,
  dateOfDayNumber,
  isoWeekOf,
  localDayNumber,
  localToInstant,
  mondayOfDayNumber,
  reportPeriodOf,
} from '@kadens/shared/rules';

import { type DemoStrategy, seasonOf } from './demo-content';
import { DEMO_STAGES, type DemoNumbers, finalNumbers, seededRandom, stageNumbers } from './demo-numbers';

/** How many weeks of posts, ending with last week. */
export const DEMO_WEEKS = 52;

const TIMES = ['08:30', '09:00', '09:30', '10:00', '11:00', '11:30', '12:30', '13:00', '13:30', '14:00', '14:30'];
const HOUR = 3_600_000;

export interface PlannedPost {
  id: string;
  template: DemoStrategy['posts'][number];
  plannedAt: Date;
  createdAt: Date;
  submittedAt: Date;
  approvedAt: Date;
  targets: PlannedTarget[];
}

export interface PlannedTarget {
  id: string;
  channel: string;
  publishedAt: Date;
  externalId: string;
  externalUrl: string;
  snapshots: Array<{ stage: string; dueAt: Date; collected: boolean; numbers: DemoNumbers }>;
}

export interface PlannedEffectResult {
  audience: string;
  period: string;
  from: string;
  to: string;
  value: number;
  enteredAt: Date;
}

export interface DemoYearPlan {
  posts: PlannedPost[];
  effectResults: PlannedEffectResult[];
}

/**
 * A year of published posts ending last week (weekday office hours in the organisation's time zone,
 * quieter in July and around Christmas), each target with its collection stages (the ones not yet due
 * skipped), and the effect goals' monthly values for the twelve months before this one. Only the past:
 * nothing is planned for this week or later, so the calendar ahead stays the organisation's own.
 */
export function planDemoYear(strategy: DemoStrategy, slug: string, timeZone: string, now: Date): DemoYearPlan {
  const random = seededRandom(`kadens-demo-${slug}`);
  const today = localDayNumber(now.getTime(), timeZone);
  const thisMonday = mondayOfDayNumber(today);
  const channels = new Map(strategy.channels.map((channel) => [channel.key, channel]));
  const posts: PlannedPost[] = [];
  for (let week = 0; week < DEMO_WEEKS; week++) {
    const monday = dateOfDayNumber(thisMonday - (DEMO_WEEKS - week) * 7);
    const progress = week / (DEMO_WEEKS - 1);
    const count = postsInWeek(monday, random);
    const season = count < 5 ? 0.75 : 1;
    const taken = new Set<string>();
    const usedTemplates = new Set<number>();
    for (let slot = 0; slot < count; slot++) {
      let templateIndex = Math.floor(random() * strategy.posts.length);
      while (usedTemplates.has(templateIndex)) templateIndex = (templateIndex + 1) % strategy.posts.length;
      usedTemplates.add(templateIndex);
      const template = strategy.posts[templateIndex];
      if (!template) continue;
      let day: string;
      let time: string;
      do {
        day = addDays(monday, Math.floor(random() * 5));
        time = TIMES[Math.floor(random() * TIMES.length)] ?? '10:00';
      } while (taken.has(`${day} ${time}`));
      taken.add(`${day} ${time}`);
      const plannedMs = localToInstant(day, time, timeZone);
      const submittedMs = plannedMs - (30 + random() * 120) * HOUR;
      const approvedMs = submittedMs + (1 + random() * 26) * HOUR;
      const chosen = template.channels.filter((_, index) => index === 0 || random() < 0.85);
      posts.push({
        id: randomUUID(),
        template,
        plannedAt: new Date(plannedMs),
        createdAt: new Date(submittedMs - random() * 20 * HOUR),
        submittedAt: new Date(submittedMs),
        approvedAt: new Date(approvedMs),
        targets: chosen.flatMap((key) => {
          const channel = channels.get(key);
          if (!channel) return [];
          // Mostly within a minute of the planned time; now and then a few minutes late.
          const delayMs = random() < 0.04 ? (3 + random() * 15) * 60_000 : (2 + random() * 50) * 1000;
          const publishedMs = plannedMs + delayMs;
          const externalId = externalIdFor(channel.platform, random);
          const final = finalNumbers(
            { platform: channel.platform, contentType: template.type, hasLink: !!template.link, progress, season },
            random,
          );
          return [
            {
              id: randomUUID(),
              channel: key,
              publishedAt: new Date(publishedMs),
              externalId,
              externalUrl: `${channel.postUrl}${externalId}${channel.platform === 'instagram' || channel.platform === 'linkedin' ? '/' : ''}`,
              snapshots: DEMO_STAGES.map(({ stage, hours, share }) => {
                const dueMs = publishedMs + hours * HOUR;
                const collected = dueMs <= now.getTime();
                return { stage, dueAt: new Date(dueMs), collected, numbers: collected ? stageNumbers(final, share, random) : {} };
              }),
            },
          ];
        }),
      });
    }
  }
  return { posts, effectResults: planEffectResults(strategy, timeZone, today, now, random) };
}

/** Seven to nine posts a normal week; three in the July holiday weeks, two around Christmas. */
function postsInWeek(monday: string, random: () => number): number {
  const { week } = isoWeekOf(monday);
  if (week >= 52 || week === 1) return 2;
  if (week >= 28 && week <= 31) return 3;
  return 7 + (random() < 0.5 ? 1 : 0) + (random() < 0.25 ? 1 : 0);
}

function externalIdFor(platform: string, random: () => number): string {
  const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
  if (platform === 'instagram') {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    return Array.from({ length: 11 }, () => letters[Math.floor(random() * letters.length)]).join('');
  }
  if (platform === 'facebook') return `pfbid0${digits(17)}`;
  return `7${digits(18)}`;
}

/** Each measurable audience's value for the twelve whole months before this one, entered early the next month. */
function planEffectResults(
  strategy: DemoStrategy,
  timeZone: string,
  today: number,
  now: Date,
  random: () => number,
): PlannedEffectResult[] {
  const results: PlannedEffectResult[] = [];
  const thisMonth = reportPeriodOf(dateOfDayNumber(today), 'month');
  for (const audience of strategy.audiences) {
    if (!audience.target || audience.target.period !== 'month') continue;
    let period = thisMonth;
    for (let back = 1; back <= 12; back++) {
      period = reportPeriodOf(addDays(period.from, -1), 'month');
      const month = Number(period.key.slice(5, 7));
      const progress = (12 - back) / 11;
      const value = audience.target.value * seasonOf(audience, month) * (0.78 + 0.3 * progress) * (0.88 + 0.24 * random());
      const nextMonth = addDays(period.to, 1);
      const enteredMs = localToInstant(addDays(nextMonth, 2 + Math.floor(random() * 5)), '10:15', timeZone);
      const enteredAt = new Date(Math.min(enteredMs, now.getTime() - HOUR));
      results.push({ audience: audience.key, period: period.key, from: period.from, to: period.to, value: Math.round(value), enteredAt });
    }
  }
  return results;
}
