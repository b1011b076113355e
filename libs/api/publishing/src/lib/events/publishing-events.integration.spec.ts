import { DEMO_PASSWORD } from '@kadens/api/organizations';
import type { PublishingEvent } from '@kadens/shared/contracts';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';

import { insertChannel, insertTarget, type PublishingTestApp, startPublishingTestApp } from '../attention/publishing-test-fixtures';
import { PublishingEventsService } from './publishing-events.service';
import { PublishingListener } from './publishing-listener';

/** One open `text/event-stream` response, read as it arrives. */
interface EventStream {
  response: IncomingMessage;
  /** Comments (`: listening`) and data, in order. */
  received: Array<{ comment: string } | { event: PublishingEvent }>;
  events(): PublishingEvent[];
  /** Resolves with the first item matching, waiting for it if needed. */
  waitFor<T>(pick: (item: EventStream['received'][number]) => T | undefined, timeoutMs?: number): Promise<T>;
  ended: Promise<void>;
  close(): void;
}

describe('the live delivery stream against PostgreSQL', () => {
  let s: PublishingTestApp;
  let port: number;
  const cookies: Record<string, string> = {};
  const streams: EventStream[] = [];
  let fjordvikChannel: string;
  let bolgebyChannel: string;

  const open = (
    organizationId: string,
    who = 'admin',
    headers: Record<string, string> = { accept: 'text/event-stream' },
  ): Promise<EventStream> =>
    new Promise((resolve, reject) => {
      const req = get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/organizations/${organizationId}/publishing/events`,
          headers: { cookie: cookies[who] ?? '', ...headers },
        },
        (response) => {
          const received: EventStream['received'] = [];
          const waiters: Array<() => void> = [];
          let buffer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            const blocks = buffer.split('\n\n');
            buffer = blocks.pop() ?? '';
            for (const block of blocks) {
              for (const line of block.split('\n')) {
                if (line.startsWith(': ')) received.push({ comment: line.slice(2) });
                if (line.startsWith('data: ')) received.push({ event: JSON.parse(line.slice(6)) });
              }
            }
            for (const wake of waiters.splice(0)) wake();
          });
          const ended = new Promise<void>((done) => response.on('close', () => done()));
          const stream: EventStream = {
            response,
            received,
            events: () => received.flatMap((item) => ('event' in item ? [item.event] : [])),
            async waitFor(pick, timeoutMs = 5_000) {
              const deadline = Date.now() + timeoutMs;
              for (;;) {
                for (const item of received) {
                  const found = pick(item);
                  if (found !== undefined) return found;
                }
                if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received)}`);
                await new Promise<void>((wake) => {
                  waiters.push(wake);
                  setTimeout(wake, 100);
                });
              }
            },
            ended,
            close: () => req.destroy(),
          };
          streams.push(stream);
          resolve(stream);
        },
      );
      req.on('error', reject);
    });
  const listening = (stream: EventStream) =>
    stream.waitFor((item) => ('comment' in item && item.comment === 'listening' ? true : undefined));
  const targetEvent = (stream: EventStream, targetId: string, state: string) =>
    stream.waitFor((item) =>
      'event' in item && item.event.type === 'target' && item.event.delivery.targetId === targetId && item.event.delivery.state === state
        ? item.event
        : undefined,
    );
  const setState = (targetId: string, state: string) => s.t.db.query(`UPDATE post_targets SET state = $2 WHERE id = $1`, [targetId, state]);
  const newTarget = (organizationId: string) =>
    insertTarget(s.t, {
      organizationId,
      channelId: organizationId === s.fjordvik ? fjordvikChannel : bolgebyChannel,
      authorId: s.userIds['admin@kadens.demo'] ?? '',
      state: 'scheduled',
    });

  beforeAll(async () => {
    s = await startPublishingTestApp();
    await s.t.app.listen(0, '127.0.0.1');
    port = (s.t.app.getHttpServer().address() as AddressInfo).port;
    for (const who of ['admin', 'editor']) {
      const login = await request(s.t.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: `${who}@kadens.demo`, password: DEMO_PASSWORD });
      const setCookie = login.headers['set-cookie'] as unknown as string[];
      cookies[who] = setCookie.map((cookie) => cookie.split(';')[0]).join('; ');
    }
    fjordvikChannel = await insertChannel(s.t, s.fjordvik);
    bolgebyChannel = await insertChannel(s.t, s.bolgeby);
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => s?.t.close());

  it('refuses strangers before streaming: 401 without a session, 404 for another organisation', async () => {
    const anonymous = await open(s.fjordvik, 'nobody');
    expect(anonymous.response.statusCode).toBe(401);
    expect(anonymous.response.headers['content-type']).toMatch(/json/);
    const editor = await open(s.bolgeby, 'editor');
    expect(editor.response.statusCode).toBe(404);
  });

  it('streams a target’s state change to its organisation, and never another organisation’s', async () => {
    const stream = await open(s.fjordvik);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await listening(stream);
    const ours = await newTarget(s.fjordvik);
    const theirs = await newTarget(s.bolgeby);

    await setState(theirs.targetId, 'failed');
    await setState(ours.targetId, 'queued');
    expect(await targetEvent(stream, ours.targetId, 'queued')).toEqual({
      type: 'target',
      delivery: { targetId: ours.targetId, postId: ours.postId, channelId: fjordvikChannel, state: 'queued' },
    });
    // Notifications arrive in commit order on one connection: had Bølgeby's been streamed here, it would have come first.
    expect(stream.events().map((event) => (event.type === 'target' ? event.delivery.targetId : 'pause'))).toEqual([ours.targetId]);
  });

  it('streams uncompressed, message by message, even to a client that accepts gzip', async () => {
    // Without Accept: text/event-stream too, so the compression filter must go by the answer's type.
    for (const headers of [
      { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' },
      { accept: '*/*', 'accept-encoding': 'gzip' },
    ]) {
      const stream = await open(s.fjordvik, 'admin', headers);
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-encoding']).toBeUndefined();
      await listening(stream);
      const ours = await newTarget(s.fjordvik);
      await setState(ours.targetId, 'queued');
      await targetEvent(stream, ours.targetId, 'queued');
      stream.close();
    }
  });

  it('streams to each organisation’s own streams only, even for one person in both', async () => {
    const [fjordvik, bolgeby] = await Promise.all([open(s.fjordvik), open(s.bolgeby)]);
    await Promise.all([listening(fjordvik), listening(bolgeby)]);
    const ours = await newTarget(s.fjordvik);
    const theirs = await newTarget(s.bolgeby);
    await setState(ours.targetId, 'failed');
    await setState(theirs.targetId, 'held');
    await targetEvent(bolgeby, theirs.targetId, 'held');
    await targetEvent(fjordvik, ours.targetId, 'failed');
    expect(fjordvik.events().every((event) => event.type === 'target' && event.delivery.targetId === ours.targetId)).toBe(true);
    expect(bolgeby.events().every((event) => event.type === 'target' && event.delivery.targetId === theirs.targetId)).toBe(true);
  });

  it('streams pauses and resumes with the current pauses', async () => {
    const stream = await open(s.fjordvik);
    const other = await open(s.bolgeby);
    await Promise.all([listening(stream), listening(other)]);
    await s.admin.put(s.url(s.fjordvik, 'publishing/pause')).send({ reason: 'Storm' }).expect(200);
    const paused = await stream.waitFor((item) => ('event' in item && item.event.type === 'pause' ? item.event : undefined));
    expect(paused).toEqual({ type: 'pause', status: { organization: expect.objectContaining({ reason: 'Storm' }), channels: [] } });
    await s.admin
      .put(s.url(s.fjordvik, `channels/${fjordvikChannel}/publishing-pause`))
      .send({ reason: 'Kapret' })
      .expect(200);
    await s.admin.delete(s.url(s.fjordvik, 'publishing/pause')).expect(200);
    const resumed = await stream.waitFor((item) =>
      'event' in item && item.event.type === 'pause' && item.event.status.organization === null ? item.event : undefined,
    );
    expect(resumed.type === 'pause' && resumed.status.channels.map((c) => c.pause.reason)).toEqual(['Kapret']);
    await s.admin.delete(s.url(s.fjordvik, `channels/${fjordvikChannel}/publishing-pause`)).expect(200);
    await stream.waitFor((item) =>
      'event' in item && item.event.type === 'pause' && item.event.status.channels.length === 0 ? true : undefined,
    );
    expect(other.events()).toEqual([]);
  });

  it('survives losing its database connection: open streams end, new ones get events again', async () => {
    const stream = await open(s.fjordvik);
    await listening(stream);
    const [{ count }] = await s.t.db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE application_name = 'kadens-publishing-events' AND datname = current_database()`,
    );
    expect(count).toBe(1);
    await stream.ended;

    const again = await open(s.fjordvik);
    await listening(again);
    expect(s.t.app.get(PublishingListener).isListening).toBe(true);
    const ours = await newTarget(s.fjordvik);
    await setState(ours.targetId, 'unconfirmed');
    await targetEvent(again, ours.targetId, 'unconfirmed');
  });

  it('forgets a stream once its client has gone', async () => {
    const service = s.t.app.get(PublishingEventsService);
    const stream = await open(s.bolgeby);
    await listening(stream);
    expect(service.watchers(s.bolgeby)).toBe(1);
    stream.close();
    for (let i = 0; i < 50 && service.watchers(s.bolgeby) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(service.watchers(s.bolgeby)).toBe(0);
  });
});
