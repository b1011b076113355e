import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PostView, Role, Violation } from '@kadens/shared/contracts';
import { hasPermission, type Permission } from '@kadens/shared/rules';
import { ActiveOrganization, COMPOSER, type PlanningCatalog } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { CalendarPostMover, type PostDrop } from './calendar-post-mover';

const MOVE = '/api/organizations/o1/posts/p1/move';
const CATALOG = { organizationId: 'o1', timeZone: 'Europe/Oslo', channels: [{ id: 'c1', name: 'Fjordvik på X' }] } as PlanningCatalog;
const FULL_DAY: Violation = {
  rule: 'cadence.max_per_day',
  severity: 'block',
  channelId: 'c1',
  postId: 'p1',
  at: '2026-05-13T07:00:00.000Z',
  params: { date: '2026-05-13', count: 3, max: 2 },
};
const REFUSAL = { statusCode: 422, code: 'rule_violations', message: 'x', violations: [FULL_DAY] };
const UNPROCESSABLE = { status: 422, statusText: 'Unprocessable Entity' };

describe('CalendarPostMover', () => {
  function setUp(role: Role = 'editor') {
    const problems = { report: jest.fn() };
    const notifier = { report: jest.fn(), announce: jest.fn() };
    const overrides = { askReason: jest.fn<Promise<string | null>, unknown[]>() };
    const composer = { open: jest.fn(), mayLeave: jest.fn(), askRuleOverride: overrides.askReason, reportPlanningProblem: problems.report };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        CalendarPostMover,
        { provide: COMPOSER, useValue: composer },
        { provide: ProblemNotifier, useValue: notifier },
        { provide: ActiveOrganization, useValue: { can: (permission: Permission) => hasPermission(role, permission) } },
      ],
    });
    const drop: PostDrop & { revert: jest.Mock } = {
      event: { id: 'p1', title: 'Sommerfest', start: new Date('2026-05-13T07:00:00Z') },
      revert: jest.fn(),
    };
    const http = TestBed.inject(HttpTestingController);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    return { mover: TestBed.inject(CalendarPostMover), http, drop, problems, notifier, overrides, settle };
  }

  it('asks the server to move the post to the instant it was dropped on', async () => {
    const { mover, http, drop, notifier } = setUp();
    const moved = mover.move(CATALOG, drop);
    const request = http.expectOne({ method: 'POST', url: MOVE });
    expect(request.request.body).toEqual({ plannedAt: '2026-05-13T07:00:00.000Z' });
    request.flush({ id: 'p1', title: 'Sommerfest', plannedAt: '2026-05-13T07:00:00.000Z' } as PostView);
    await expect(moved).resolves.toMatchObject({ id: 'p1' });
    expect(drop.revert).not.toHaveBeenCalled();
    expect(notifier.announce).toHaveBeenCalledWith('planning.calendar.moved', { title: 'Sommerfest' });
  });

  it('springs back and says why when the server refuses (409 delivery_started)', async () => {
    const { mover, http, drop, problems } = setUp();
    const moved = mover.move(CATALOG, drop);
    http
      .expectOne(MOVE)
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'already published', code: 'delivery_started' },
        { status: 409, statusText: 'Conflict' },
      );
    await expect(moved).resolves.toBeNull();
    expect(drop.revert).toHaveBeenCalledTimes(1);
    expect(problems.report).toHaveBeenCalledWith(expect.anything(), CATALOG);
  });

  it('springs back for an editor refused by a channel’s rules, and on a network failure alike', async () => {
    const { mover, http, drop, problems, overrides } = setUp('editor');
    const first = mover.move(CATALOG, drop);
    http.expectOne(MOVE).flush(REFUSAL, UNPROCESSABLE);
    await first;
    const second = mover.move(CATALOG, drop);
    http.expectOne(MOVE).error(new ProgressEvent('error'));
    await second;
    expect(drop.revert).toHaveBeenCalledTimes(2);
    expect(problems.report).toHaveBeenCalledTimes(2);
    expect(overrides.askReason).not.toHaveBeenCalled();
  });

  it('offers an approver to override the rules, and moves the post with the reason', async () => {
    const { mover, http, drop, notifier, overrides, settle } = setUp('approver');
    overrides.askReason.mockResolvedValue('Kampanjen må ut før fristen');
    const moved = mover.move(CATALOG, drop);
    http.expectOne(MOVE).flush(REFUSAL, UNPROCESSABLE);
    await settle();
    expect(overrides.askReason).toHaveBeenCalledWith([FULL_DAY], CATALOG);
    const again = http.expectOne({ method: 'POST', url: MOVE });
    expect(again.request.body).toEqual({ plannedAt: '2026-05-13T07:00:00.000Z', ruleOverride: { reason: 'Kampanjen må ut før fristen' } });
    again.flush({ id: 'p1', title: 'Sommerfest', plannedAt: '2026-05-13T07:00:00.000Z' } as PostView);
    await expect(moved).resolves.toMatchObject({ id: 'p1' });
    expect(drop.revert).not.toHaveBeenCalled();
    expect(notifier.announce).toHaveBeenCalledWith('planning.calendar.overridden', { title: 'Sommerfest' });
  });

  it('springs back when the approver gives no reason', async () => {
    const { mover, http, drop, overrides, settle } = setUp('admin');
    overrides.askReason.mockResolvedValue(null);
    const moved = mover.move(CATALOG, drop);
    http.expectOne(MOVE).flush(REFUSAL, UNPROCESSABLE);
    await settle();
    await expect(moved).resolves.toBeNull();
    http.expectNone(MOVE);
    expect(drop.revert).toHaveBeenCalledTimes(1);
  });
});
