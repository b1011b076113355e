import { loadAppConfig, parseResultsSchedule } from '@kadens/api/core';

import { stageArrays } from './results-planner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the results schedule', () => {
  it('is 1 h, 24 h, 7 d and 28 d by default', () => {
    const config = loadAppConfig({ DATABASE_URL: 'postgres://kadens@127.0.0.1:5432/kadens' }, '/');
    expect(config.results.stages).toEqual([
      { label: '1h', afterMs: HOUR },
      { label: '24h', afterMs: DAY },
      { label: '7d', afterMs: 7 * DAY },
      { label: '28d', afterMs: 28 * DAY },
    ]);
    expect(config.results.concurrency).toBe(10);
  });

  it('reads RESULTS_SCHEDULE, and names it when it does not read', () => {
    expect(parseResultsSchedule('30m, 2h,90d')).toEqual([
      { label: '30m', afterMs: 30 * 60_000 },
      { label: '2h', afterMs: 2 * HOUR },
      { label: '90d', afterMs: 90 * DAY },
    ]);
    for (const bad of ['', '1h,1h', '24h,1h', '1w', '0h', 'soon']) expect(parseResultsSchedule(bad)).toBeNull();
    expect(() => loadAppConfig({ DATABASE_URL: 'postgres://kadens@127.0.0.1:5432/kadens', RESULTS_SCHEDULE: '7d,1h' }, '/')).toThrow(
      /RESULTS_SCHEDULE/,
    );
  });

  it('gives the planner each stage with the next one, which overtakes it', () => {
    expect(stageArrays(parseResultsSchedule('1h,24h,7d') ?? [])).toEqual({
      labels: ['1h', '24h', '7d'],
      afterMs: [HOUR, DAY, 7 * DAY],
      nextMs: [DAY, 7 * DAY, null],
    });
  });
});
