import type { Violation } from '@kadens/shared/contracts';

import { POST, renderComposer, type RenderOptions } from '../composer-dialog/composer-dialog.testing';
import { PLAN_CHECK_DEBOUNCE_MS } from './plan-check.component';

const CHECK = '/api/organizations/o1/calendar/check';
const OUTSIDE: Violation = {
  rule: 'service_hours.outside',
  severity: 'block',
  channelId: 'c-x',
  postId: null,
  at: '2026-05-12T12:00:00.000Z',
  params: { nextOpening: '2026-05-13T07:00:00.000Z' },
};

describe('the composer checks the channels’ promises before Save', () => {
  async function render(options: RenderOptions = {}) {
    const composer = await renderComposer({ ...options, providers: [{ provide: PLAN_CHECK_DEBOUNCE_MS, useValue: 20 }] });
    /** The checks asked since the last call, once the (shortened) debounce has passed. */
    const checks = async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await composer.settle();
      return composer.http.match({ method: 'POST', url: CHECK });
    };
    const region = () => composer.byTestId('composer-plan-check');
    return { ...composer, checks, region };
  }

  it('asks with the planned values as they change, and lists what a save would break, politely', async () => {
    const composer = await render({ role: 'editor', plannedAt: '2026-05-12T12:00:00.000Z' });
    expect(await composer.checks()).toEqual([]);
    await composer.click('composer-channel-c-x');
    await composer.click('composer-invites-dialogue');
    const asked = await composer.checks();
    expect(asked.at(-1)?.request.body).toEqual({
      plannedAt: '2026-05-12T12:00:00.000Z',
      channelIds: ['c-x'],
      invitesDialogue: true,
      contentTypeId: 'ct-news',
    });
    asked.at(-1)?.flush({ violations: [OUTSIDE] });
    await composer.settle();

    expect(composer.region().getAttribute('aria-live')).toBe('polite');
    expect(composer.region().textContent).toContain('Before you save: this time breaks promises the channels have made:');
    expect(composer.region().querySelector('[data-rule="service_hours.outside"]')?.textContent).toContain('Fjordvik på X');

    // Typing the title is not a planning change: nothing is asked again.
    await composer.type('composer-title', 'Hva mener du?');
    expect(await composer.checks()).toEqual([]);
    // A time inside the hours: asked again, and the list empties.
    await composer.type('composer-planned-time', '10:00');
    const again = await composer.checks();
    expect(again).toHaveLength(1);
    expect(again[0]?.request.body.plannedAt).toBe('2026-05-12T08:00:00.000Z');
    again[0]?.flush({ violations: [] });
    await composer.settle();
    expect(composer.region().querySelector('[data-rule]')).toBeNull();
    expect(composer.problems.report).not.toHaveBeenCalled();
  });

  it('names the edited post, so its saved time does not count against it', async () => {
    const composer = await render({ role: 'editor', postId: 'p1' });
    composer.http.expectOne('/api/organizations/o1/posts/p1').flush(POST);
    // The form is filled a moment before the post is known; the last question, the one answered, names it.
    const asked = await composer.checks();
    expect(asked.at(-1)?.request.body).toEqual({
      plannedAt: POST.plannedAt,
      channelIds: ['c-x', 'c-bsky'],
      invitesDialogue: false,
      contentTypeId: 'ct-news',
      postId: 'p1',
    });
  });

  it('asks nothing without a time', async () => {
    const unplanned = await render({ role: 'editor' });
    await unplanned.click('composer-channel-c-x');
    expect(await unplanned.checks()).toEqual([]);
  });

  it('asks nothing for a viewer', async () => {
    const viewer = await render({ role: 'viewer', postId: 'p1' });
    viewer.http.expectOne('/api/organizations/o1/posts/p1').flush(POST);
    expect(await viewer.checks()).toEqual([]);
  });

  it('says nothing twice: the save’s own refusal replaces the list, and a failed check shows nothing', async () => {
    const composer = await render({ role: 'editor', plannedAt: '2026-05-12T12:00:00.000Z' });
    await composer.type('composer-title', 'Spørsmål');
    await composer.type('composer-body', 'Hva mener du?');
    await composer.click('composer-channel-c-x');
    (await composer.checks()).at(-1)?.flush({ violations: [OUTSIDE] });
    await composer.settle();
    expect(composer.region().querySelector('[data-rule]')).not.toBeNull();

    await composer.click('composer-save');
    const refusal = {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'x',
      code: 'rule_violations',
      violations: [{ ...OUTSIDE, postId: 'new' }],
    };
    composer.http
      .expectOne({ method: 'POST', url: '/api/organizations/o1/posts' })
      .flush(refusal, { status: 422, statusText: 'Unprocessable Entity' });
    await composer.settle();
    expect(composer.byTestId('composer-violations')).toBeTruthy();
    expect(composer.region().querySelector('[data-rule]')).toBeNull();

    await composer.click('composer-invites-dialogue');
    (await composer.checks()).at(-1)?.flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await composer.settle();
    expect(composer.region().querySelector('[data-rule]')).toBeNull();
    expect(composer.problems.report).not.toHaveBeenCalled();
  });
});
