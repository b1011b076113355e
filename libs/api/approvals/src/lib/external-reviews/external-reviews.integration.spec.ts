import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { NotificationsModule } from '@kadens/api/notifications';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { PostsModule } from '@kadens/api/posts';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';

import { ApprovalsModule } from '../approvals.module';
import { EXTERNAL_REVIEW_REQUESTS_PER_MINUTE } from './external-review-throttler.guard';

describe('external sign-off by link against PostgreSQL', () => {
  let t: TestApp;
  const agents: Record<string, TestAgent> = {};
  let org: string;
  const ids: Record<string, string> = {};
  let checklist: string[] = [];

  const url = (path: string) => `/api/organizations/${org}/${path}`;
  const agent = (who: string): TestAgent => agents[who] as TestAgent;
  const inReview = async (): Promise<string> => {
    const created = await agent('editor')
      .post(url('posts'))
      .send({
        title: 'Ny bru over elva',
        body: 'Brua åpner i mars.',
        contentTypeId: ids['news'],
        themeId: ids['theme'],
        plannedAt: '2027-03-10T09:00:00Z',
        targets: [{ channelId: ids['channel'], textVariant: 'Brua åpner 10. mars!' }],
      });
    expect(created.status).toBe(201);
    expect(
      (
        await agent('editor')
          .post(url(`posts/${created.body.id}/submit`))
          .send({})
      ).status,
    ).toBe(200);
    return created.body.id as string;
  };
  const ask = (postId: string, email = 'jurist@advokat.example', name = 'Ingrid Jurist', who = 'editor') =>
    agent(who)
      .post(url(`posts/${postId}/external-reviews`))
      .send({ name, email });
  /** The token from the newest mail to `email` (account-mail outbox). */
  const mailedToken = async (email: string): Promise<string> => {
    const [mail]: Array<{ body: string; subject: string }> = await t.db.query(
      `SELECT body, subject FROM account_mails WHERE to_email = $1 AND kind = 'external_review' ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const token = /\/external-review\/([A-Za-z0-9_-]{43})\n/.exec(mail?.body ?? '')?.[1];
    if (!token) throw new Error(`no link mailed to ${email}`);
    return token;
  };
  const open = (token: string) => t.anonymous().get(`/api/external-reviews/${token}`);
  const decide = (token: string, decision: string, comment?: string) =>
    t.anonymous().post(`/api/external-reviews/${token}/decision`).send({ decision, comment });
  const stateOf = async (postId: string): Promise<string> =>
    (await t.db.query(`SELECT state FROM posts WHERE id = $1`, [postId]))[0].state as string;
  const statuses = async (postId: string) =>
    (await agent('viewer').get(url(`posts/${postId}/external-reviews`))).body.map((r: { status: string }) => r.status);

  beforeAll(async () => {
    t = await createTestApp([PostsModule, NotificationsModule, ApprovalsModule], {
      APP_ROLES: 'api',
      PUBLIC_URL: 'http://kadens.example',
    });
    await t.app.get(DemoSeeder).seed();
    [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    for (const who of ['admin', 'editor', 'approver', 'viewer']) agents[who] = await t.loginAs(`${who}@kadens.demo`, DEMO_PASSWORD);
    [{ id: ids['theme'] }] = await t.db.query(
      `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Samferdsel', '#1e88e5') RETURNING id`,
      [org],
    );
    [{ id: ids['channel'] }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'facebook', 'Fjordvik på Facebook') RETURNING id`,
      [org],
    );
    [{ id: ids['news'] }] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [org]);
    const items = await agent('approver').get(url('checklist'));
    if (!Array.isArray(items.body)) throw new Error(JSON.stringify([items.status, items.body]));
    checklist = items.body.map((item: { id: string }) => item.id);
  });
  afterAll(() => t?.close());
  beforeEach(() => agent('admin').patch(url('approval-policy')).send({ approvalsRequired: 1, adminApprovalRequired: false }));

  it('mails a link in the organisation’s language; opening shows the post read-only, records "opened" and consumes nothing', async () => {
    const postId = await inReview();
    const asked = await ask(postId);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ name: 'Ingrid Jurist', email: 'jurist@advokat.example', status: 'sent', revision: 1 });
    const [mail] = await t.db.query(
      `SELECT subject, body FROM account_mails WHERE kind = 'external_review' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(mail.subject).toContain('Kan du godkjenne'); // the demo organisation writes Norwegian
    expect(mail.body).toMatch(/http:\/\/kadens\.example\/external-review\/[A-Za-z0-9_-]{43}\n/);
    const token = await mailedToken('jurist@advokat.example');
    const [stored] = await t.db.query(`SELECT token_hash FROM external_reviews WHERE id = $1`, [asked.body.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    for (let i = 0; i < 2; i++) {
      const page = await open(token);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        organization: { locale: 'nb', timeZone: 'Europe/Oslo' },
        reviewerName: 'Ingrid Jurist',
        post: {
          title: 'Ny bru over elva',
          plannedAt: '2027-03-10T09:00:00.000Z',
          theme: { name: 'Samferdsel' },
          channels: [{ platform: 'facebook', name: 'Fjordvik på Facebook', text: 'Brua åpner 10. mars!' }],
        },
      });
      expect(page.body.checklist.length).toBeGreaterThan(0);
    }
    expect(await statuses(postId)).toEqual(['opened']);
    expect(await stateOf(postId)).toBe('in_review');
    const history = (await agent('viewer').get(url(`posts/${postId}/history`))).body;
    const opened = history.filter((e: { action: string }) => e.action === 'post.external_review_opened');
    expect(opened).toHaveLength(1);
    expect(opened[0].after).toMatchObject({ name: 'Ingrid Jurist', email: 'jurist@advokat.example' });
  });

  it('shows the outside person the post’s pictures through signed addresses that need no session', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer();
    const uploaded = await agent('editor').post(url('media')).field('altText', 'Den nye brua i sol').attach('file', jpeg, 'bru.jpg');
    expect(uploaded.status).toBe(201);
    const created = await agent('editor')
      .post(url('posts'))
      .send({
        title: 'Brua med bilde',
        body: 'Se brua!',
        contentTypeId: ids['news'],
        themeId: ids['theme'],
        plannedAt: '2027-03-11T09:00:00Z',
        targets: [{ channelId: ids['channel'] }],
        mediaIds: [uploaded.body.id],
      });
    expect(created.status).toBe(201);
    expect(
      (
        await agent('editor')
          .post(url(`posts/${created.body.id}/submit`))
          .send({})
      ).status,
    ).toBe(200);
    await ask(created.body.id, 'foto@fjordvik.example', 'Frida Foto');
    const page = await open(await mailedToken('foto@fjordvik.example'));
    expect(page.status).toBe(200);
    const [medium] = page.body.post.media;
    expect(medium).toMatchObject({ kind: 'image', fileName: 'bru.jpg', altText: 'Den nye brua i sol' });
    expect(medium.thumbnailUrl).toMatch(/^http:\/\/kadens\.example\/api\/media\/signed\/[^/]+$/);
    const thumbnail = await t.anonymous().get(new URL(medium.thumbnailUrl).pathname);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toMatch(/^image\//);
  });

  it('refuses to ask for a draft, a missing e-mail, or a viewer', async () => {
    const draft = await agent('editor')
      .post(url('posts'))
      .send({
        title: 'Utkast',
        body: 'Tekst',
        contentTypeId: ids['news'],
        themeId: ids['theme'],
        targets: [{ channelId: ids['channel'] }],
      });
    expect((await ask(draft.body.id)).body.code).toBe('not_in_review');
    const postId = await inReview();
    const invalid = await agent('editor')
      .post(url(`posts/${postId}/external-reviews`))
      .send({ name: 'Ingrid', email: 'nope' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('email');
    expect((await ask(postId, 'a@b.example', 'A', 'viewer')).status).toBe(403);
  });

  it('with an outside sign-off required, approvers alone do not approve; the external approval completes it and counts like one', async () => {
    await agent('admin').patch(url('approval-policy')).send({ approvalsRequired: 2 });
    const postId = await inReview();
    await ask(postId, 'leder@fjordvik.example', 'Lise Leder');
    const token = await mailedToken('leder@fjordvik.example');
    const approved = await agent('approver')
      .post(url(`posts/${postId}/approve`))
      .send({ revision: 1, checklist });
    expect(approved.body.state).toBe('in_review');
    const review = await agent('approver').get(url(`posts/${postId}/review`));
    expect(review.body.progress).toMatchObject({ count: 1, required: 2, complete: false, externalRequired: true, externalApproved: false });
    // The inbox shows the same progress as the review screen.
    const inbox = await agent('admin').get(url('approvals/inbox'));
    const entry = (inbox.body as Array<{ postId: string; progress: object }>).find((candidate) => candidate.postId === postId);
    expect(entry?.progress).toMatchObject({ count: 1, required: 2, externalRequired: true, externalApproved: false });
    const decision = await decide(token, 'approve');
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('approved');
    expect(await stateOf(postId)).toBe('approved');
    expect(await statuses(postId)).toEqual(['approved']);
    const actions = (await agent('viewer').get(url(`posts/${postId}/history`))).body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['post.external_review_requested', 'post.external_review_decided', 'post.approve']));
    // Used up: neither shown again nor decided twice.
    expect((await open(token)).body.code).toBe('external_review_used');
    const again = await decide(token, 'request_changes', 'Nei likevel');
    expect([again.status, again.body.code]).toEqual([410, 'external_review_used']);
    expect(await stateOf(postId)).toBe('approved');
  });

  it('request_changes needs a comment, sends the post back like an approver, and the comment is in the history', async () => {
    const postId = await inReview();
    await ask(postId, 'jurist2@advokat.example');
    const token = await mailedToken('jurist2@advokat.example');
    const missing = await decide(token, 'request_changes');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('comment');
    const decision = await decide(token, 'request_changes', 'Ta bort navnet på entreprenøren.');
    expect(decision.body.status).toBe('changes_requested');
    expect(await stateOf(postId)).toBe('changes_requested');
    const history = (await agent('viewer').get(url(`posts/${postId}/history`))).body;
    const sentBack = history.find((e: { action: string }) => e.action === 'post.request_changes');
    expect(sentBack.reason).toContain('Ta bort navnet på entreprenøren.');
    expect(sentBack.reason).toContain('jurist2@advokat.example');
  });

  it('an expired link shows 410 and decides nothing', async () => {
    const postId = await inReview();
    const asked = await ask(postId, 'sen@example.org');
    const token = await mailedToken('sen@example.org');
    await t.db.query(`UPDATE external_reviews SET expires_at = now() - interval '1 minute' WHERE id = $1`, [asked.body.id]);
    expect([(await open(token)).status, (await open(token)).body.code]).toEqual([410, 'external_review_expired']);
    expect((await decide(token, 'approve')).status).toBe(410);
    expect(await stateOf(postId)).toBe('in_review');
    expect(await statuses(postId)).toEqual(['expired']);
  });

  it('a revoked link shows 410; the post then no longer waits for it', async () => {
    const postId = await inReview();
    const asked = await ask(postId, 'trukket@example.org');
    const token = await mailedToken('trukket@example.org');
    const approver = await agent('approver')
      .post(url(`posts/${postId}/approve`))
      .send({ revision: 1, checklist });
    expect(approver.body.state).toBe('in_review');
    expect((await agent('viewer').delete(url(`posts/${postId}/external-reviews/${asked.body.id}`))).status).toBe(403);
    expect((await agent('editor').delete(url(`posts/${postId}/external-reviews/${asked.body.id}`))).status).toBe(204);
    expect((await agent('editor').delete(url(`posts/${postId}/external-reviews/${asked.body.id}`))).status).toBe(409);
    expect([(await open(token)).status, (await open(token)).body.code]).toEqual([410, 'external_review_revoked']);
    expect((await decide(token, 'approve')).status).toBe(410);
    expect(await statuses(postId)).toEqual(['revoked']);
    // The requirement went with the link: a fresh approval by another approver now completes sign-off.
    const admin = await agent('admin')
      .post(url(`posts/${postId}/approve`))
      .send({ revision: 1, checklist });
    expect(admin.body.state).toBe('approved');
  });

  it('an edit makes the link stale: 409 with a code, no decision', async () => {
    const postId = await inReview();
    await ask(postId, 'stale@example.org');
    const token = await mailedToken('stale@example.org');
    expect(
      (
        await agent('editor')
          .patch(url(`posts/${postId}`))
          .send({ body: 'Brua åpner i april.' })
      ).status,
    ).toBe(200);
    expect([(await open(token)).status, (await open(token)).body.code]).toEqual([409, 'external_review_stale']);
    const decision = await decide(token, 'approve');
    expect([decision.status, decision.body.code]).toEqual([409, 'external_review_stale']);
    expect(await statuses(postId)).toEqual(['stale']);
    expect(await stateOf(postId)).toBe('in_review');
  });

  it('a new request voids the older one', async () => {
    const postId = await inReview();
    await ask(postId, 'first@example.org', 'Første');
    const first = await mailedToken('first@example.org');
    await ask(postId, 'second@example.org', 'Andre');
    const second = await mailedToken('second@example.org');
    expect((await open(first)).status).toBe(410);
    expect((await decide(first, 'approve')).body.code).toBe('external_review_revoked');
    expect(await statuses(postId)).toEqual(['sent', 'revoked']);
    expect((await open(second)).status).toBe(200);
    expect((await decide(second, 'approve')).status).toBe(200);
    expect(await stateOf(postId)).toBe('approved');
  });

  it('a link to a post that left review answers 409; an unknown token 404', async () => {
    const postId = await inReview();
    await ask(postId, 'late@example.org');
    const token = await mailedToken('late@example.org');
    await agent('approver')
      .post(url(`posts/${postId}/request-changes`))
      .send({ revision: 1, comment: 'Vent' });
    expect((await open(token)).body.code).toBe('external_review_not_in_review');
    expect((await decide(token, 'approve')).status).toBe(409);
    expect((await open('A'.repeat(43))).status).toBe(404);
    expect((await decide('A'.repeat(43), 'approve')).status).toBe(404);
  });

  it('the token reaches nothing else: as cookie, bearer or query it opens no other endpoint', async () => {
    const postId = await inReview();
    await ask(postId, 'nosy@example.org');
    const token = await mailedToken('nosy@example.org');
    const others = [
      '/api/me',
      '/api/me/organizations',
      `/api/organizations/${org}`,
      `/api/organizations/${org}/posts/${postId}`,
      `/api/organizations/${org}/posts/${postId}/external-reviews`,
      `/api/organizations/${org}/posts/${postId}/history`,
      `/api/organizations/${org}/calendar?from=2027-01-01&to=2027-12-31`,
      `/api/organizations/${org}/members`,
      `/api/organizations/${org}/approvals/inbox`,
      `/api/organizations/${org}/checklist`,
      `/api/external-reviews`,
      `/api/invitations/${token}`,
    ];
    for (const path of others) {
      for (const attempt of [
        t.anonymous().get(path).set('Cookie', `kadens_session=${token}`),
        t.anonymous().get(path).set('Authorization', `Bearer ${token}`),
        t.anonymous().get(`${path}${path.includes('?') ? '&' : '?'}token=${token}`),
      ]) {
        const response = await attempt;
        expect([path, [401, 404].includes(response.status)]).toEqual([path, true]);
      }
    }
    const write = await t
      .anonymous()
      .post(url(`posts/${postId}/approve`))
      .set('Authorization', `Bearer ${token}`)
      .send({ revision: 1, checklist });
    expect(write.status).toBe(401);
    expect(await stateOf(postId)).toBe('in_review');
  });

  it('is rate limited per address (429 with Retry-After)', async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i <= EXTERNAL_REVIEW_REQUESTS_PER_MINUTE; i++) {
      const response = await open('B'.repeat(43));
      last = response.status;
      retryAfter = response.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
