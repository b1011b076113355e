import type { PostView, Violation } from '@kadens/shared/contracts';

import { CATALOG, POST, renderComposer as render } from './composer-dialog.testing';

const POSTS = '/api/organizations/o1/posts';

const OUTSIDE: Violation = {
  rule: 'service_hours.outside',
  severity: 'block',
  channelId: 'c-x',
  postId: 'new',
  at: '2026-05-12T12:00:00.000Z',
  params: { nextOpening: '2026-05-13T07:00:00.000Z' },
};
const REFUSAL = {
  statusCode: 422,
  error: 'Unprocessable Entity',
  message: 'The plan breaks 1 blocking rule',
  code: 'rule_violations',
  violations: [OUTSIDE],
};
const OUTSIDE_IN_ENGLISH =
  'Fjordvik på X: questions and other posts that invite dialogue must go out while the channel is staffed. It is next staffed Wednesday 13 May at 09:00.';

/** A question on X at 14:00, ready to save. */
async function writeQuestion(composer: Awaited<ReturnType<typeof render>>) {
  await composer.type('composer-title', 'Hva mener du om nye badeplasser?');
  await composer.type('composer-body', 'Si din mening!');
  await composer.click('composer-channel-c-x');
  await composer.click('composer-invites-dialogue');
}

describe('the composer and the channels’ promises', () => {
  it('shows an editor why the time is refused, in words, and offers no override', async () => {
    const composer = await render({ role: 'editor', plannedAt: '2026-05-12T12:00:00.000Z' });
    await writeQuestion(composer);
    await composer.click('composer-save');
    composer.http.expectOne({ method: 'POST', url: POSTS }).flush(REFUSAL, { status: 422, statusText: 'Unprocessable Entity' });
    await composer.settle();

    const panel = composer.byTestId('composer-violations');
    expect(panel.querySelector('[data-rule="service_hours.outside"]')?.textContent?.trim()).toBe(OUTSIDE_IN_ENGLISH);
    expect(panel.textContent).toContain('ask an approver or admin');
    expect(composer.query('composer-override')).toBeNull();
    expect(composer.dialogRef.close).not.toHaveBeenCalled();
    expect(composer.problems.report).not.toHaveBeenCalled();

    // A new time clears the refusal: it was about the old one.
    await composer.type('composer-planned-time', '10:00');
    expect(composer.query('composer-violations')).toBeNull();
  });

  it('lets an approver override with a reason, and sends the same post again with it', async () => {
    const composer = await render({ role: 'approver', plannedAt: '2026-05-12T12:00:00.000Z' });
    await writeQuestion(composer);
    await composer.click('composer-save');
    const first = composer.http.expectOne({ method: 'POST', url: POSTS });
    first.flush(REFUSAL, { status: 422, statusText: 'Unprocessable Entity' });
    await composer.settle();

    composer.overrides.askReason.mockResolvedValue('Svar på sak i avisen i dag');
    await composer.click('composer-override');
    expect(composer.overrides.askReason).toHaveBeenCalledWith({ violations: [OUTSIDE], context: CATALOG });
    const second = composer.http.expectOne({ method: 'POST', url: POSTS });
    expect(second.request.body).toEqual({ ...first.request.body, ruleOverride: { reason: 'Svar på sak i avisen i dag' } });
    const override = { reason: 'Svar på sak i avisen i dag', byUserId: 'u2', at: '2026-05-11T13:30:00.000Z', violations: [OUTSIDE] };
    const saved: PostView = { ...POST, id: 'p9', ruleOverride: override };
    second.flush(saved);
    await composer.settle();
    expect(composer.dialogRef.close).toHaveBeenCalledWith({ kind: 'saved', post: saved });
  });

  it('sends nothing when the approver thinks better of it', async () => {
    const composer = await render({ role: 'approver', plannedAt: '2026-05-12T12:00:00.000Z' });
    await writeQuestion(composer);
    await composer.click('composer-save');
    composer.http.expectOne({ method: 'POST', url: POSTS }).flush(REFUSAL, { status: 422, statusText: 'Unprocessable Entity' });
    await composer.settle();
    composer.overrides.askReason.mockResolvedValue(null);
    await composer.click('composer-override');
    composer.http.expectNone({ method: 'POST', url: POSTS });
    expect(composer.byTestId('composer-violations')).toBeTruthy();
  });

  it('shows who overrode the post’s rules, when and why', async () => {
    const composer = await render({ role: 'editor', postId: 'p1' });
    const overridden: PostView = {
      ...POST,
      ruleOverride: {
        reason: 'Viktig beskjed om vannet',
        byUserId: 'u2',
        at: '2026-05-11T13:30:00.000Z',
        violations: [{ ...OUTSIDE, postId: 'p1' }],
      },
    };
    composer.http.expectOne(`${POSTS}/p1`).flush(overridden);
    await composer.settle();
    composer.http
      .expectOne('/api/organizations/o1/members')
      .flush([{ userId: 'u2', name: 'Gunn Godkjenner', email: '', role: 'approver', joinedAt: '' }]);
    await composer.settle();
    const note = composer.byTestId('composer-override-note');
    expect(composer.byTestId('composer-override-by').textContent?.trim()).toBe('Overridden by Gunn Godkjenner, Monday 11 May at 15:30.');
    expect(composer.byTestId('composer-override-reason').textContent?.trim()).toBe('Reason: Viktig beskjed om vannet');
    expect(note.querySelector('[data-rule="service_hours.outside"]')?.textContent?.trim()).toBe(OUTSIDE_IN_ENGLISH);
  });

  it('marks a post as sensitive', async () => {
    const composer = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    await composer.type('composer-title', 'Svar til innbyggerne om brannen');
    await composer.type('composer-body', 'Vi beklager.');
    await composer.click('composer-channel-c-x');
    await composer.click('composer-sensitive');
    await composer.click('composer-save');
    expect(composer.http.expectOne({ method: 'POST', url: POSTS }).request.body.sensitive).toBe(true);
  });

  it('sends a saved draft to review', async () => {
    const composer = await render({ role: 'editor', postId: 'p1' });
    composer.http.expectOne(`${POSTS}/p1`).flush(POST);
    await composer.settle();
    await composer.click('composer-submit');
    const submitted: PostView = { ...POST, state: 'in_review' };
    composer.http.expectOne({ method: 'POST', url: `${POSTS}/p1/submit` }).flush(submitted);
    await composer.settle();
    expect(composer.dialogRef.close).toHaveBeenCalledWith({ kind: 'submitted', post: submitted });
  });

  it('offers no submit for an approved post', async () => {
    const composer = await render({ role: 'editor', postId: 'p1' });
    composer.http.expectOne(`${POSTS}/p1`).flush({ ...POST, state: 'approved' });
    await composer.settle();
    expect(composer.query('composer-submit')).toBeNull();
  });

  it('fills in the next free slot of the chosen channel, searching from the chosen time', async () => {
    // Far ahead, so the chosen time (not now) is where the search starts.
    const composer = await render({ role: 'editor', plannedAt: '2037-05-12T12:00:00.000Z' });
    await writeQuestion(composer);
    await composer.click('composer-next-free-slot');
    const request = composer.http.expectOne((r) => r.url === '/api/organizations/o1/calendar/next-free-slot');
    expect(request.request.params.get('channelIds')).toBe('c-x');
    expect(request.request.params.get('from')).toBe('2037-05-12T12:00:00.000Z');
    expect(request.request.params.get('invitesDialogue')).toBe('true');
    request.flush({ at: '2037-05-13T07:00:00.000Z', preferred: false });
    await composer.settle();
    expect(composer.byTestId('composer-planned-at').getAttribute('data-wall-clock')).toBe('2037-05-13T09:00');
    expect(composer.byTestId<HTMLInputElement>('composer-planned-date').value).toBe('13/05/2037');
    expect(composer.byTestId('composer-next-free-slot-outcome').textContent?.trim()).toBe(
      'Next free slot on the chosen channels: Wednesday 13 May at 09:00.',
    );
  });
});
