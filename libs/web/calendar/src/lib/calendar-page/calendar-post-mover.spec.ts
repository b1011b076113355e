import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PostView } from '@kadens/shared/contracts';
import { PlanningProblems } from '@kadens/web/composer';
import { ProblemNotifier } from '@kadens/web/ui';

import { CalendarPostMover, type PostDrop } from './calendar-post-mover';

describe('CalendarPostMover', () => {
  function setUp() {
    const problems = { report: jest.fn() };
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: PlanningProblems, useValue: problems },
        { provide: ProblemNotifier, useValue: notifier },
      ],
    });
    const drop: PostDrop & { revert: jest.Mock } = {
      event: { id: 'p1', title: 'Sommerfest', start: new Date('2026-05-13T07:00:00Z') },
      revert: jest.fn(),
    };
    return { mover: TestBed.inject(CalendarPostMover), http: TestBed.inject(HttpTestingController), drop, problems, notifier };
  }

  it('asks the server to move the post to the instant it was dropped on', async () => {
    const { mover, http, drop, notifier } = setUp();
    const moved = mover.move('o1', drop, []);
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts/p1/move' });
    expect(request.request.body).toEqual({ plannedAt: '2026-05-13T07:00:00.000Z' });
    request.flush({ id: 'p1', title: 'Sommerfest', plannedAt: '2026-05-13T07:00:00.000Z' } as PostView);
    await expect(moved).resolves.toMatchObject({ id: 'p1' });
    expect(drop.revert).not.toHaveBeenCalled();
    expect(notifier.announce).toHaveBeenCalledWith('planning.calendar.moved', { title: 'Sommerfest' });
  });

  it('springs back and says why when the server refuses (409 delivery_started)', async () => {
    const { mover, http, drop, problems } = setUp();
    const channels = [{ id: 'c1', name: 'Fjordvik på X' }] as never[];
    const moved = mover.move('o1', drop, channels);
    http.expectOne('/api/organizations/o1/posts/p1/move').flush(
      { statusCode: 409, error: 'Conflict', message: 'already published', code: 'delivery_started' },
      { status: 409, statusText: 'Conflict' },
    );
    await expect(moved).resolves.toBeNull();
    expect(drop.revert).toHaveBeenCalledTimes(1);
    expect(problems.report).toHaveBeenCalledTimes(1);
    expect(problems.report.mock.calls[0]?.[1]).toBe(channels);
  });

  it('springs back on a rule refusal (422) and on a network failure alike', async () => {
    const { mover, http, drop, problems } = setUp();
    const first = mover.move('o1', drop, []);
    http.expectOne('/api/organizations/o1/posts/p1/move').flush(
      { statusCode: 422, code: 'rule_violations', message: 'x', violations: [] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await first;
    const second = mover.move('o1', drop, []);
    http.expectOne('/api/organizations/o1/posts/p1/move').error(new ProgressEvent('error'));
    await second;
    expect(drop.revert).toHaveBeenCalledTimes(2);
    expect(problems.report).toHaveBeenCalledTimes(2);
  });
});
