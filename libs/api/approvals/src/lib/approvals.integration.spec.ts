import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { MailOutbox, NotificationsModule } from '@kadens/api/notifications';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { addMemberDirectly } from '@kadens/api/organizations/testing';
import { PostsModule } from '@kadens/api/posts';
import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';

import { ApprovalsModule } from './approvals.module';
import { ExpiryService } from './expiry/expiry.service';

describe('approvals against PostgreSQL', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const mails: Array<{ to: string; raw: string }> = [];
  const agents: Record<string, TestAgent> = {};
  let org: string;
  const ids: Record<string, string> = {};
  let checklist: string[] = [];

  const url = (path: string) => `/api/organizations/${org}/${path}`;
  const agent = (who: string): TestAgent => {
    const found = agents[who];
    if (!found) throw new Error(`no agent ${who}`);
    return found;
  };
  const newPost = async (overrides: Record<string, unknown> = {}, author = 'editor') => {
    const response = await agent(author)
      .post(url('posts'))
      .send({
        title: 'Vinterbrøyting',
        body: 'Slik brøyter vi.',
        contentTypeId: ids['news'],
        themeId: ids['theme'],
        plannedAt: '2027-02-10T09:00:00Z',
        targets: [{ channelId: ids['channel'] }],
        ...overrides,
      });
    expect(response.status).toBe(201);
    return response.body as { id: string; revision: number };
  };
  const submit = (id: string, who = 'editor') =>
    agent(who)
      .post(url(`posts/${id}/submit`))
      .send({});
  const approve = (id: string, revision: number, who = 'approver', ticked = checklist) =>
    agent(who)
      .post(url(`posts/${id}/approve`))
      .send({ revision, checklist: ticked });
  const setPolicy = (approvalsRequired: number, adminApprovalRequired = false) =>
    agent('admin').patch(url('approval-policy')).send({ approvalsRequired, adminApprovalRequired });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp([PostsModule, NotificationsModule, ApprovalsModule], {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      APP_ROLES: 'api',
    });
    await t.app.get(DemoSeeder).seed();
    [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    for (const who of ['admin', 'editor', 'approver', 'viewer']) agents[who] = await t.loginAs(`${who}@kadens.demo`, DEMO_PASSWORD);
    await addMemberDirectly(t, org, {
      email: 'approver2@kadens.demo',
      name: 'Anders Godkjenner',
      role: 'approver',
      password: DEMO_PASSWORD,
    });
    agents['approver2'] = await t.loginAs('approver2@kadens.demo', DEMO_PASSWORD);
    [{ id: ids['theme'] }] = await t.db.query(
      `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`,
      [org],
    );
    [{ id: ids['channel'] }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'facebook', 'Facebook') RETURNING id`,
      [org],
    );
    [{ id: ids['news'] }] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [org]);
    checklist = (await agent('approver').get(url('checklist'))).body.map((item: { id: string }) => item.id);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  beforeEach(() => setPolicy(1));

  it('seeds the six-item review checklist from the seed articles', async () => {
    const items = (await agent('viewer').get(url('checklist'))).body;
    expect(items.map((i: { key: string }) => i.key)).toEqual(['relevance', 'tone', 'privacy', 'marketing_law', 'rights', 'link_back']);
    expect(items.every((i: { required: boolean }) => i.required)).toBe(true);
  });

  it('takes a post from draft through review to approved, scheduling its targets and telling the author', async () => {
    const post = await newPost();
    const submitted = await submit(post.id);
    expect(submitted.body.state).toBe('in_review');
    const inbox = (await agent('approver').get(url('approvals/inbox'))).body;
    expect(inbox.map((e: { postId: string }) => e.postId)).toContain(post.id);
    const approved = await approve(post.id, 1);
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    expect(approved.body.targets.map((target: { state: string }) => target.state)).toEqual(['scheduled']);
    const bell = (await agent('editor').get(url('notifications'))).body;
    expect(bell.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['approved']));
    const history = (await agent('viewer').get(url(`posts/${post.id}/history`))).body.map((e: { action: string }) => e.action);
    expect(history).toEqual(['post.approve', 'post.submit']);
  });

  it.each([
    ['an editor', 'editor', 403, 'permission_denied'],
    ['the author, who is an approver', 'approver', 403, 'own_post'],
  ])('refuses approval by %s', async (_case, who, status, code) => {
    const post = await newPost({}, who === 'approver' ? 'approver' : 'editor');
    await submit(post.id, who === 'approver' ? 'approver' : 'editor');
    const response = await approve(post.id, 1, who);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('refuses a stale revision (409) and an incomplete checklist (400 naming checklist)', async () => {
    const post = await newPost();
    await submit(post.id);
    await agent('editor')
      .patch(url(`posts/${post.id}`))
      .send({ body: 'Ny tekst.' });
    const stale = await approve(post.id, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_revision');
    const incomplete = await approve(post.id, 2, 'approver', checklist.slice(1));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors[0].field).toBe('checklist');
  });

  it('needs two different approvers under a policy of two, and counts two approving at the same moment exactly once each', async () => {
    expect((await setPolicy(2)).body.approvalsRequired).toBe(2);
    const post = await newPost();
    await submit(post.id);
    const [a, b, again] = await Promise.all([
      approve(post.id, 1, 'approver'),
      approve(post.id, 1, 'approver2'),
      approve(post.id, 1, 'approver'),
    ]);
    expect([a.status, b.status, again.status].sort()).toEqual([200, 200, 409]);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM post_reviews WHERE post_id = $1 AND decision = 'approved'`, [
      post.id,
    ]);
    expect(count).toBe(2);
    const summary = (await agent('editor').get(url(`posts/${post.id}/review`))).body;
    expect(summary.post.state).toBe('approved');
    expect(summary.progress).toEqual({ required: 2, count: 2, adminRequired: false, adminApproved: false, complete: true });
  });

  it('needs an admin for a sensitive post', async () => {
    const post = await newPost({ sensitive: true });
    await submit(post.id);
    expect((await approve(post.id, 1, 'approver')).body.state).toBe('in_review');
    expect((await approve(post.id, 1, 'admin')).body.state).toBe('approved');
  });

  it('sends an approved post back to review when its text changes, keeps it approved when only its time moves', async () => {
    const post = await newPost();
    await submit(post.id);
    await approve(post.id, 1);
    const moved = await agent('editor')
      .post(url(`posts/${post.id}/move`))
      .send({ plannedAt: '2027-02-11T09:00:00Z' });
    expect(moved.body.state).toBe('approved');
    const edited = await agent('editor')
      .patch(url(`posts/${post.id}`))
      .send({ body: 'Endret etter godkjenning.' });
    expect(edited.body).toMatchObject({ state: 'in_review', revision: 2 });
    expect(edited.body.targets[0].state).toBe('pending');
    const summary = (await agent('approver').get(url(`posts/${post.id}/review`))).body;
    expect(summary.progress.count).toBe(0);
    expect(summary.lastApprovedRevision.revision).toBe(1);
    expect(summary.currentRevision.content.body).toBe('Endret etter godkjenning.');
    // The sign-off went with the move, and the edit kept that time: nothing to show about the time.
    expect(summary.timeChange).toBeNull();
  });

  it('shows a time changed in the same edit as the text, against the time last signed off', async () => {
    const post = await newPost();
    await submit(post.id);
    await approve(post.id, 1);
    // Moved while approved: the sign-off stands, for the new time.
    await agent('editor')
      .post(url(`posts/${post.id}/move`))
      .send({ plannedAt: '2027-02-11T09:00:00Z' });
    const edited = await agent('editor')
      .patch(url(`posts/${post.id}`))
      .send({ body: 'Ny tekst og ny tid.', plannedAt: '2027-02-12T10:00:00Z' });
    expect(edited.body).toMatchObject({ state: 'in_review', revision: 2 });
    const review = async () => (await agent('approver').get(url(`posts/${post.id}/review`))).body;
    expect((await review()).timeChange).toEqual({ approved: '2027-02-11T09:00:00.000Z', current: '2027-02-12T10:00:00.000Z' });
    // A later move in review changes only the time now.
    await agent('editor')
      .post(url(`posts/${post.id}/move`))
      .send({ plannedAt: '2027-02-13T08:30:00Z' });
    expect((await review()).timeChange).toEqual({ approved: '2027-02-11T09:00:00.000Z', current: '2027-02-13T08:30:00.000Z' });
    // Signed off again: the time is the approved one.
    expect((await approve(post.id, 2)).status).toBe(200);
    expect((await review()).timeChange).toBeNull();
    const [entry] = await t.db.query(`SELECT before, after FROM audit_events WHERE subject_id = $1 AND action = 'post.edit_content'`, [
      post.id,
    ]);
    expect(entry.before.plannedAt).toBe('2027-02-11T09:00:00.000Z');
    expect(entry.after.plannedAt).toBe('2027-02-12T10:00:00.000Z');
  });

  it('names the theme, the audiences and the content type in the review summary', async () => {
    const audiences: Array<{ id: string }> = await t.db.query(
      `INSERT INTO audiences (organization_id, name) VALUES ($1, 'Pendlere'), ($1, 'Foreldre') RETURNING id`,
      [org],
    );
    const post = await newPost({ audienceIds: audiences.map((a) => a.id) });
    const summary = (await agent('approver').get(url(`posts/${post.id}/review`))).body;
    expect(summary.plan).toEqual({
      theme: { id: ids['theme'], name: 'Drift', color: '#1e88e5' },
      audiences: [
        { id: audiences[1]?.id, name: 'Foreldre' },
        { id: audiences[0]?.id, name: 'Pendlere' },
      ],
      contentType: { id: ids['news'], key: 'news', name: expect.any(String) },
    });
  });

  it('lets an approver request changes with a comment; the edit goes straight back to review', async () => {
    const post = await newPost();
    await submit(post.id);
    const noComment = await agent('approver')
      .post(url(`posts/${post.id}/request-changes`))
      .send({ revision: 1 });
    expect(noComment.body.errors[0].field).toBe('comment');
    const requested = await agent('approver')
      .post(url(`posts/${post.id}/request-changes`))
      .send({ revision: 1, comment: 'Mildere tone, takk.' });
    expect(requested.body.state).toBe('changes_requested');
    const edited = await agent('editor')
      .patch(url(`posts/${post.id}`))
      .send({ body: 'Mildere.' });
    expect(edited.body.state).toBe('in_review');
  });

  it('expires an unapproved post whose time has come, and tells its author', async () => {
    const post = await newPost({ plannedAt: '2027-03-01T09:00:00Z' });
    await submit(post.id);
    const approvedPost = await newPost({ plannedAt: '2027-03-01T10:00:00Z', title: 'Godkjent' });
    await submit(approvedPost.id);
    await approve(approvedPost.id, 1);
    const expired = await t.app.get(ExpiryService).expireDue(new Date('2027-03-02T00:00:00Z'));
    expect(expired).toBeGreaterThanOrEqual(1);
    const after = (await agent('editor').get(url(`posts/${post.id}`))).body;
    expect(after.state).toBe('draft');
    expect(after.targets[0].state).toBe('expired');
    expect((await agent('editor').get(url(`posts/${approvedPost.id}`))).body.state).toBe('approved');
    const bell = (await agent('editor').get(url('notifications?unread=true'))).body;
    expect(bell.notifications.map((n: { kind: string }) => n.kind)).toContain('expired');
  });

  it('cancels a post before publishing, and never after', async () => {
    const post = await newPost();
    expect(
      (
        await agent('editor')
          .post(url(`posts/${post.id}/cancel`))
          .send({ reason: 'Arrangementet er avlyst' })
      ).body.state,
    ).toBe('cancelled');
    expect(
      (
        await agent('editor')
          .post(url(`posts/${post.id}/cancel`))
          .send({})
      ).status,
    ).toBe(409);
  });

  it('keeps comments on a post and tells the participants', async () => {
    const post = await newPost();
    expect(
      (
        await agent('approver')
          .post(url(`posts/${post.id}/comments`))
          .send({ body: 'Kan vi legge ved et bilde?' })
      ).status,
    ).toBe(201);
    const comments = (await agent('viewer').get(url(`posts/${post.id}/comments`))).body;
    expect(comments).toEqual([expect.objectContaining({ authorName: 'Anne Godkjenner', body: 'Kan vi legge ved et bilde?' })]);
    expect(
      (
        await agent('viewer')
          .post(url(`posts/${post.id}/comments`))
          .send({ body: 'x' })
      ).status,
    ).toBe(403);
  });

  it('marks notifications read, only the caller’s own', async () => {
    const before = (await agent('editor').get(url('notifications'))).body.unread;
    expect(before).toBeGreaterThan(0);
    expect((await agent('editor').post(url('notifications/read')).send({})).status).toBe(204);
    expect((await agent('editor').get(url('notifications'))).body.unread).toBe(0);
  });

  it('e-mails notifications over SMTP in the recipient’s language, once', async () => {
    const post = await newPost({ title: 'Høringsfrist' });
    await submit(post.id);
    const outbox = t.app.get(MailOutbox);
    let sent = 0;
    for (let batch = await outbox.sendPending(); batch > 0; batch = await outbox.sendPending()) sent += batch;
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notifications`);
    expect(sent).toBe(count);
    expect(mails).toHaveLength(count);
    expect(await outbox.sendPending()).toBe(0);
    // The approver has no language of their own, so the organisation's (bokmål) is used.
    const toApprover = mails.find((m) => m.to === 'approver@kadens.demo' && m.raw.includes('H=C3=B8ringsfrist'));
    expect(toApprover?.raw).toContain('Subject: =?UTF-8?Q?Til_godkjenning=3A_H=C3=B8ringsfrist?=');
  }, 60_000);

  it('lets each member turn e-mails off by kind: the bell still has them, no mail goes, and the setting is theirs alone', async () => {
    const preferences = url('notifications/mail-preferences');
    expect((await agent('approver2').get(preferences)).body).toEqual({ mutedKinds: [] });
    const muted = await agent('approver2')
      .put(preferences)
      .send({ mutedKinds: ['commented', 'review_requested', 'commented'] });
    expect(muted.status).toBe(200);
    expect(muted.body).toEqual({ mutedKinds: ['review_requested', 'commented'] });
    expect((await agent('approver2').get(preferences)).body).toEqual({ mutedKinds: ['review_requested', 'commented'] });
    expect((await agent('approver').get(preferences)).body).toEqual({ mutedKinds: [] });
    for (const body of [{ mutedKinds: ['nope'] }, {}, { mutedKinds: 'commented' }]) {
      const refused = await agent('approver2').put(preferences).send(body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('mutedKinds');
    }

    const outbox = t.app.get(MailOutbox);
    while ((await outbox.sendPending()) > 0);
    const before = mails.length;
    const post = await newPost({ title: 'Dempet varsel' });
    await submit(post.id);
    while ((await outbox.sendPending()) > 0);
    const about = mails.slice(before).filter((mail) => mail.raw.includes('Dempet varsel'));
    expect(about.map((mail) => mail.to)).toContain('approver@kadens.demo');
    expect(about.map((mail) => mail.to)).not.toContain('approver2@kadens.demo');
    const bell = (await agent('approver2').get(url('notifications'))).body.notifications as Array<{ kind: string; postId: string }>;
    expect(bell).toContainEqual(expect.objectContaining({ kind: 'review_requested', postId: post.id }));
    await agent('approver2').put(preferences).send({ mutedKinds: [] });
  }, 60_000);

  it('shows the audit log to admins only, and the database refuses to rewrite it', async () => {
    expect((await agent('editor').get(url('audit'))).status).toBe(403);
    const log = (await agent('admin').get(url('audit?limit=5'))).body;
    expect(log).toHaveLength(5);
    await expect(t.db.query(`UPDATE audit_events SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
  });

  it('lets admins edit the checklist and the policy, and no one else', async () => {
    expect((await agent('editor').post(url('checklist')).send({ text: 'Sjekket av jurist' })).status).toBe(403);
    const item = await agent('admin').post(url('checklist')).send({ text: 'Sjekket av jurist', required: false });
    expect(item.body).toMatchObject({ key: null, text: 'Sjekket av jurist', required: false, position: 7 });
    expect((await agent('editor').patch(url('approval-policy')).send({ approvalsRequired: 3 })).status).toBe(403);
    const bad = await agent('admin').patch(url('approval-policy')).send({ approvalsRequired: 4 });
    expect(bad.body.errors[0].field).toBe('approvalsRequired');
  });
});
