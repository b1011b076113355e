/**
 * Benchmark: check a quarter plan — 2,000 posts over 20 channels, a quarter of them inviting
 * dialogue — against every rule, in Europe/Oslo with Norwegian holidays (Q2 2026 holds Easter,
 * 1 May, 17 May, Ascension and Whitsun). Goal: under 50 ms.
 *
 *   npx ts-node --transpile-only -P libs/shared/rules/tsconfig.lib.json -r tsconfig-paths/register \
 *     libs/shared/rules/bench/rules.bench.ts
 *
 * Three figures: the very first run (cold JIT and caches), the median with every cache cleared before
 * each run (what one API request sees when nothing is memoised), and the median with warm caches
 * (memoised opening_hours day schedules and zone offsets, what a long-running server mostly sees).
 * Every run builds fresh ServiceCalendars. Each figure is given as wall time and as this process's
 * CPU time, and with the minimum beside the median: on a busy machine the wall median measures the
 * neighbours, the minimum and the CPU time measure the code. With `--check` the exit code is 1 when
 * the cold-cache median misses the goal (leave it off on shared CI runners).
 */
import type { CadencePolicy, PlanItem, ServiceHours } from '@kadens/shared/contracts';

import { checkPlan, type ChannelPromises } from '../src/lib/plan/check-plan';
import { clearRuleCaches } from '../src/lib/plan/rule-caches';
import { localToInstant } from '../src/lib/local-time/zoned-time';

const GOAL_MS = 50;
const RUNS = 25;
const ZONE = 'Europe/Oslo';
const CHANNELS = 20;
const POSTS = 2000;
export const QUARTER = { from: '2026-03-31T22:00:00Z', to: '2026-06-30T22:00:00Z' };

/** Deterministic, so every run and every machine checks the same plan. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const SERVICE_HOURS: ServiceHours[] = [
  { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 120, closedPeriods: [] },
  {
    openingHours: 'Mo-Fr 08:00-16:00; PH off',
    responseWindowMinutes: 60,
    closedPeriods: [{ start: '2026-05-15', end: '2026-05-15', reason: 'Bridge day' }],
  },
  { openingHours: 'Mo-Fr 09:00-11:30,12:30-15:00; Sa 10:00-13:00; PH off', responseWindowMinutes: 90, closedPeriods: [] },
  {
    openingHours: 'Mo-Th 10:00-14:00; Fr 10:00-12:00; PH off',
    responseWindowMinutes: 240,
    closedPeriods: [{ start: '2026-06-22', end: '2026-06-30' }],
  },
  { openingHours: 'Mo-Su 07:00-22:00; PH 10:00-16:00', responseWindowMinutes: 30, closedPeriods: [] },
];

function serviceHoursFor(index: number): ServiceHours {
  const hours = SERVICE_HOURS[index % SERVICE_HOURS.length];
  if (hours === undefined) throw new Error('no service hours');
  return hours;
}

function policyFor(index: number): CadencePolicy {
  return {
    maxPostsPerDay: 2 + (index % 3),
    minMinutesBetweenPosts: [60, 90, 120, 180][index % 4] ?? null,
    minPostsPerWeek: 3 + (index % 4),
    maxDaysOfSilence: 3 + (index % 3),
    preferredSlots: ['Tu,Th 09:30', 'Mo-Fr 13:00'],
    publicDescription: 'We post 3–6 times a week',
  };
}

export function buildPlan(): { plan: PlanItem[]; channels: ChannelPromises[] } {
  const next = random(2026);
  const channels = Array.from({ length: CHANNELS }, (_, index) => ({
    channelId: `channel-${index}`,
    cadence: policyFor(index),
    serviceHours: { ...serviceHoursFor(index) },
  }));
  const firstDay = Date.parse('2026-04-01T00:00:00Z');
  const plan = Array.from({ length: POSTS }, (_, index): PlanItem => {
    const day = new Date(firstDay + Math.floor(next() * 91) * 86_400_000).toISOString().slice(0, 10);
    const minute = 7 * 60 + Math.floor(next() * 12 * 60); // mostly office hours, some outside
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    return {
      postId: `post-${index}`,
      channelId: `channel-${Math.floor(next() * CHANNELS)}`,
      at: new Date(localToInstant(day, time, ZONE)).toISOString(),
      invitesDialogue: next() < 0.25,
    };
  });
  return { plan, channels };
}

interface Timing {
  /** Wall-clock ms. */
  ms: number;
  /** CPU ms of this process: what the check costs, even on a machine busy with other work. */
  cpuMs: number;
  violations: number;
}

function timeOnce(plan: PlanItem[], channels: ChannelPromises[]): Timing {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const violations = checkPlan(plan, channels, { timeZone: ZONE, country: 'NO', range: QUARTER });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, violations: violations.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number): number => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

function main(): void {
  const { plan, channels } = buildPlan();
  clearRuleCaches();
  const first = timeOnce(plan, channels);
  const cold: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    clearRuleCaches();
    cold.push(timeOnce(plan, channels));
  }
  const warm: Timing[] = [];
  for (let run = 0; run < RUNS; run++) warm.push(timeOnce(plan, channels));

  const coldMedian = median(cold.map((timing) => timing.ms));
  const figure = (values: number[]): string =>
    `${median(values).toFixed(1).padStart(6)} (min ${Math.min(...values)
      .toFixed(1)
      .padStart(5)})`;
  const line = (label: string, timings: Timing[]): string =>
    `  ${label.padEnd(34)} ${figure(timings.map((t) => t.ms))} ms wall, ${figure(timings.map((t) => t.cpuMs))} ms CPU`;
  console.log(`rules benchmark: ${POSTS} posts, ${CHANNELS} channels, Q2 2026, ${ZONE}/NO — ${first.violations} violations`);
  console.log(line('first run (cold JIT and caches):', [first]));
  console.log(line(`median of ${RUNS}, caches cleared:`, cold));
  console.log(line(`median of ${RUNS}, caches warm:`, warm));
  console.log(`  goal: median with caches cleared < ${GOAL_MS} ms wall — ${coldMedian < GOAL_MS ? 'OK' : 'MISSED'}`);
  if (process.argv.includes('--check') && coldMedian >= GOAL_MS) process.exitCode = 1;
}

if (require.main === module) main();
