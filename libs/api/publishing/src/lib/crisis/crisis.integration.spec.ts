import type { PublishingStatus } from '@kadens/shared/contracts';

import {
  fieldsOf,
  insertChannel,
  insertTarget,
  type PublishingTestApp,
  startPublishingTestApp,
} from '../attention/publishing-test-fixtures';

describe('the crisis switch against PostgreSQL', () => {
  let s: PublishingTestApp;
  let channel: string;
  const pauseUrl = () => s.url(s.fjordvik, 'publishing/pause');
  const channelPauseUrl = (channelId = channel, organizationId = s.fjordvik) =>
    s.url(organizationId, `channels/${channelId}/publishing-pause`);
  const status = async (): Promise<PublishingStatus> => (await s.viewer.get(s.url(s.fjordvik, 'publishing/status')).expect(200)).body;
  const audit = (
    action: string,
  ): Promise<Array<{ subject_type: string; subject_id: string; reason: string; before: unknown; after: unknown }>> =>
    s.t.db.query(
      `SELECT subject_type, subject_id, reason, before, after FROM audit_events WHERE organization_id = $1 AND action = $2 ORDER BY created_at, id`,
      [s.fjordvik, action],
    );

  beforeAll(async () => {
    s = await startPublishingTestApp();
    channel = await insertChannel(s.t, s.fjordvik, 'facebook');
  });
  afterAll(() => s?.t.close());

  it('shows every member that publishing runs, with nothing waiting', async () => {
    expect(await status()).toEqual({ organization: null, channels: [], heldCount: 0, attentionCount: 0, reconnectNeeded: [] });
  });

  it.each([
    ['no body', {}],
    ['no reason', { note: 'x' }],
    ['a blank reason', { reason: '   ' }],
    ['a reason of 501 characters', { reason: 'x'.repeat(501) }],
    ['a reason that is not text', { reason: 42 }],
  ])('refuses a pause with %s (400 naming reason)', async (_case, body) => {
    const response = await s.admin.put(pauseUrl()).send(body);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain('reason');
    expect((await status()).organization).toBeNull();
  });

  it.each(['editor', 'approver', 'viewer'] as const)('lets only an admin pause: %s gets 403', async (who) => {
    const response = await s[who].put(pauseUrl()).send({ reason: 'Storm' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('permission_denied');
    expect((await s[who].delete(pauseUrl())).status).toBe(403);
  });

  it('hides other organisations (404)', async () => {
    expect((await s.editor.put(s.url(s.bolgeby, 'publishing/pause')).send({ reason: 'Storm' })).status).toBe(404);
    expect((await s.viewer.get(s.url(s.bolgeby, 'publishing/status'))).status).toBe(404);
    const theirs = await insertChannel(s.t, s.bolgeby);
    const response = await s.admin.put(channelPauseUrl(theirs)).send({ reason: 'Storm' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('channel_not_found');
    const [{ paused }] = await s.t.db.query(`SELECT publishing_paused_at IS NOT NULL AS paused FROM channels WHERE id = $1`, [theirs]);
    expect(paused).toBe(false);
  });

  it('pauses the organisation with a trimmed reason, updates the reason on a second pause, resumes once (then 409 not_paused)', async () => {
    const first = await s.admin.put(pauseUrl()).send({ reason: '  Storm: alt venter  ' });
    expect(first.status).toBe(200);
    expect(first.body.organization).toEqual({
      pausedAt: expect.any(String),
      reason: 'Storm: alt venter',
      pausedBy: { id: s.userIds['admin@kadens.demo'], name: 'Ada Admin' },
    });
    const again = await s.admin.put(pauseUrl()).send({ reason: 'Storm og strømbrudd' });
    expect(again.body.organization).toMatchObject({ reason: 'Storm og strømbrudd', pausedAt: first.body.organization.pausedAt });
    expect((await status()).organization?.reason).toBe('Storm og strømbrudd');

    const resumed = await s.admin.delete(pauseUrl());
    expect(resumed.status).toBe(200);
    expect(resumed.body.organization).toBeNull();
    const twice = await s.admin.delete(pauseUrl());
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('not_paused');

    const paused = await audit('publishing.paused');
    expect(paused.map((e) => [e.subject_type, e.subject_id, e.reason])).toEqual([
      ['organization', s.fjordvik, 'Storm: alt venter'],
      ['organization', s.fjordvik, 'Storm og strømbrudd'],
    ]);
    expect(paused[0]?.before).toBeNull();
    expect(paused[1]?.before).toMatchObject({ reason: 'Storm: alt venter' });
    const resumedEvents = await audit('publishing.resumed');
    expect(resumedEvents).toEqual([expect.objectContaining({ subject_type: 'organization', reason: 'Storm og strømbrudd', after: null })]);
  });

  it('pauses and resumes one channel', async () => {
    expect(fieldsOf((await s.admin.put(channelPauseUrl('not-a-uuid')).send({ reason: 'x' })).body)).toEqual(['channelId']);
    expect(fieldsOf((await s.admin.put(channelPauseUrl()).send({ reason: '' })).body)).toEqual(['reason']);
    expect((await s.editor.put(channelPauseUrl()).send({ reason: 'Kontoen er kapret' })).status).toBe(403);

    const paused = await s.admin.put(channelPauseUrl()).send({ reason: 'Kontoen er kapret' });
    expect(paused.status).toBe(200);
    expect(paused.body.organization).toBeNull();
    expect(paused.body.channels).toEqual([
      {
        channelId: channel,
        channelName: 'facebook 1',
        platform: 'facebook',
        pause: {
          pausedAt: expect.any(String),
          reason: 'Kontoen er kapret',
          pausedBy: { id: s.userIds['admin@kadens.demo'], name: 'Ada Admin' },
        },
      },
    ]);
    expect((await status()).channels).toHaveLength(1);
    expect((await audit('publishing.paused')).at(-1)).toMatchObject({
      subject_type: 'channel',
      subject_id: channel,
      reason: 'Kontoen er kapret',
    });

    expect((await s.admin.delete(channelPauseUrl())).body.channels).toEqual([]);
    const twice = await s.admin.delete(channelPauseUrl());
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('not_paused');
    expect((await audit('publishing.resumed')).at(-1)).toMatchObject({ subject_type: 'channel', subject_id: channel });
  });

  it('counts held targets, the needs-attention list and channels to reconnect', async () => {
    const authorId = s.userIds['editor@kadens.demo'] ?? '';
    const broken = await insertChannel(s.t, s.fjordvik, 'bluesky');
    await s.t.db.query(
      `INSERT INTO channel_connections (channel_id, organization_id, credentials, status) VALUES ($1, $2, '\\x00', 'reconnect_needed')`,
      [broken, s.fjordvik],
    );
    await insertTarget(s.t, { organizationId: s.fjordvik, channelId: channel, authorId, state: 'held' });
    await insertTarget(s.t, { organizationId: s.fjordvik, channelId: channel, authorId, state: 'failed' });
    await insertTarget(s.t, { organizationId: s.fjordvik, channelId: channel, authorId, state: 'scheduled' });
    await insertTarget(s.t, { organizationId: s.fjordvik, channelId: broken, authorId, state: 'scheduled' });
    await insertTarget(s.t, { organizationId: s.fjordvik, channelId: broken, authorId, state: 'published' });
    // Another organisation's trouble is not counted here.
    const theirs = await insertChannel(s.t, s.bolgeby);
    await insertTarget(s.t, {
      organizationId: s.bolgeby,
      channelId: theirs,
      authorId: s.userIds['admin@kadens.demo'] ?? '',
      state: 'held',
    });

    const current = await status();
    expect(current.heldCount).toBe(1);
    expect(current.attentionCount).toBe(3);
    expect(current.reconnectNeeded).toEqual([{ channelId: broken, channelName: expect.stringMatching(/^bluesky/), platform: 'bluesky' }]);
    const list = (await s.viewer.get(s.url(s.fjordvik, 'publishing/attention'))).body;
    expect(list).toHaveLength(current.attentionCount);
  });

  it('tells every API process about each change with pg_notify, on commit', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: s.t.database.url });
    await client.connect();
    try {
      const received: string[] = [];
      client.on('notification', (message) => received.push(`${message.channel}:${message.payload}`));
      await client.query('LISTEN kadens_publishing_pause');
      await s.admin.put(pauseUrl()).send({ reason: 'Øvelse' }).expect(200);
      await s.admin.put(channelPauseUrl()).send({ reason: 'Øvelse' }).expect(200);
      await s.admin.delete(pauseUrl()).expect(200);
      await s.admin.delete(pauseUrl()).expect(409);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toEqual(Array(3).fill(`kadens_publishing_pause:${s.fjordvik}`));
    } finally {
      await client.end();
    }
  });
});
