import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { PeriodicSteps } from './periodic-steps';

describe('PeriodicSteps', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a step at once and on its interval, never twice at the same time, and survives a failure', async () => {
    const scheduler = new SchedulerRegistry();
    const logger = new Logger('test');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const steps = new PeriodicSteps(scheduler, logger);
    let started = 0;
    let finish: () => void = () => undefined;
    steps.every('test.step', 1_000, () => {
      started += 1;
      if (started === 2) return Promise.reject(new Error('the database is away'));
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect(started).toBe(1);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(started).toBe(1); // still running: the interval's turns pass it by
    finish();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
    expect(warn).toHaveBeenCalledWith('test.step: the database is away');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(3);

    steps.stop();
    expect(scheduler.doesExist('interval', 'test.step')).toBe(false);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(3);
  });
});
