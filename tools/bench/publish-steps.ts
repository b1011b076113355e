import { Publisher } from '@kadens/api/publishing';
import type { INestApplication } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

/**
 * Diagnosis (BENCH_PUBLISH_STEPS=true): where a job's time goes. Wraps the publisher's three steps on the
 * running app and sums each step's time over all jobs against the slot time (PUBLISH_CONCURRENCY × drain):
 * the platform step's share is how busy the platform slots were; claims and settlements run beside it
 * (PUBLISH_CLAIM_AHEAD), so the three shares need not add up to 100 %.
 */
export interface StepTimes {
  report(concurrency: number, drainMs: number): string[];
}

interface Steps {
  claim: { claim: (...args: unknown[]) => Promise<unknown> };
  platform: { publish: (...args: unknown[]) => Promise<unknown> };
  settlement: { settle: (...args: unknown[]) => Promise<unknown> };
}

export function timeSteps(app: INestApplication): StepTimes {
  const steps = app.get(Publisher) as unknown as Steps;
  const sums = { claim: 0, platform: 0, settlement: 0, jobs: 0 };
  const samples: Record<'claim' | 'platform' | 'settlement', number[]> = { claim: [], platform: [], settlement: [] };
  const wrap = <K extends keyof Steps>(key: K, method: string, sum: 'claim' | 'platform' | 'settlement') => {
    const target = steps[key] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = target[method]?.bind(target);
    if (!original) throw new Error(`no ${String(key)}.${method} to time`);
    target[method] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        const ms = performance.now() - start;
        sums[sum] += ms;
        samples[sum].push(ms);
        if (sum === 'claim') sums.jobs++;
      }
    };
  };
  wrap('claim', 'claim', 'claim');
  wrap('platform', 'publish', 'platform');
  wrap('settlement', 'settle', 'settlement');
  const pct = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };
  return {
    report(concurrency, drainMs) {
      const slot = concurrency * drainMs;
      const line = (name: 'claim' | 'platform' | 'settlement') =>
        `    ${name.padEnd(10)} mean ${(sums[name] / Math.max(1, samples[name].length)).toFixed(1).padStart(6)} ms, p50 ${pct(samples[name], 0.5).toFixed(1).padStart(6)}, p99 ${pct(samples[name], 0.99).toFixed(1).padStart(6)}  (${((sums[name] / slot) * 100).toFixed(1)} % of the slot time)`;
      return [
        `  steps per job (${sums.jobs} jobs; slot time = concurrency ${concurrency} × drain):`,
        line('claim'),
        line('platform'),
        line('settlement'),
        `    platform slots idle: ${(((slot - sums.platform) / slot) * 100).toFixed(1)} % of the slot time, ${((slot - sums.platform) / Math.max(1, sums.jobs)).toFixed(1)} ms per job`,
      ];
    },
  };
}
