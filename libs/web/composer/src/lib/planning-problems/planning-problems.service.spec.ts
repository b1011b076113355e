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
                rules: { cadence: { max_per_day: '{{channel}} is full that day.' } },
              },
              errors: { reason: { conflict: 'Someone else changed this.', unexpected: 'Oops.' }, action: { reload: 'Reload.' } },
            },
          },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
    });
    return TestBed.inject(PlanningProblems).describe(new HttpErrorResponse({ status, error: body }), channels);
  }

  it('words a known refusal in the planning scope', () => {
    expect(describeError({ code: 'delivery_started', message: 'x' }, 409)).toBe('Already published.');
  });

  it('names each broken blocking rule once, with its channel', () => {
    const channels = [{ id: 'c1', name: 'Fjordvik på X' } as ChannelView];
    const violation = { rule: 'cadence.max_per_day', severity: 'block', channelId: 'c1', postId: 'p1', at: '', params: {} };
    const warning = { ...violation, rule: 'cadence.min_per_week', severity: 'warn' };
    expect(describeError({ code: 'rule_violations', message: 'x', violations: [violation, violation, warning] }, 422, channels)).toBe(
      'The new time breaks a promise: Fjordvik på X is full that day.',
    );
  });

  it('falls back to the app-wide reason plus what the server said', () => {
    expect(describeError({ code: 'something_new', message: 'The post is locked' }, 409)).toBe('Someone else changed this. (The post is locked) Reload.');
  });
});
