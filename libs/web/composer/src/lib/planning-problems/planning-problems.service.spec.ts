import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ChannelView } from '@kadens/shared/contracts';

import { PlanningProblems } from './planning-problems.service';

describe('PlanningProblems', () => {
  function describeError(body: object, status: number, channels: ChannelView[] = []) {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: {
              planning: {
                errors: { delivery_started: 'Already published.', rule_violations: 'The new time breaks a promise:' },
                rules: { cadence: { max_per_day: '{{channel}}: at most {{max}} a day, but {{date}} would have {{count}}.' } },
              },
              errors: { reason: { conflict: 'Someone else changed this.', unexpected: 'Oops.' }, action: { reload: 'Reload.' } },
            },
          },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
    });
    return TestBed.inject(PlanningProblems).describe(new HttpErrorResponse({ status, error: body }), { channels, timeZone: 'Europe/Oslo' });
  }

  it('words a known refusal in the planning scope', () => {
    expect(describeError({ code: 'delivery_started', message: 'x' }, 409)).toBe('Already published.');
  });

  it('names each broken blocking rule once, with its channel', () => {
    const channels = [{ id: 'c1', name: 'Fjordvik på X' } as ChannelView];
    const violation = {
      rule: 'cadence.max_per_day',
      severity: 'block',
      channelId: 'c1',
      postId: 'p1',
      at: '',
      params: { date: '2026-05-12', count: 3, max: 2 },
    };
    const other = { ...violation, postId: 'p2' };
    const warning = { ...violation, rule: 'cadence.min_per_week', severity: 'warn' };
    expect(describeError({ code: 'rule_violations', message: 'x', violations: [violation, other, warning] }, 422, channels)).toBe(
      'The new time breaks a promise: Fjordvik på X: at most 2 a day, but 12 May 2026 would have 3.',
    );
  });

  it('falls back to the app-wide reason plus what the server said', () => {
    expect(describeError({ code: 'something_new', message: 'The post is locked' }, 409)).toBe(
      'Someone else changed this. (The post is locked) Reload.',
    );
  });
});
