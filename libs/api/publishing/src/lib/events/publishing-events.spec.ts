import { Logger, type MessageEvent } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';

import { HEARTBEAT_MS, PublishingEventsService } from './publishing-events.service';
import type { PublishingListener } from './publishing-listener';
import { parseNotification, type PublishingNotification } from './publishing-notification';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const POST = '33333333-3333-4333-8333-333333333333';
const TARGET = '44444444-4444-4444-8444-444444444444';
const CHANNEL = '55555555-5555-4555-8555-555555555555';

describe('parseNotification', () => {
  const target = (fields: Record<string, unknown>) => JSON.stringify({ o: A, p: POST, t: TARGET, c: CHANNEL, s: 'failed', ...fields });
  const cases: Array<[string, string, string | undefined, PublishingNotification | null]> = [
    [
      'a target change',
      'kadens_target_state',
      target({}),
      { kind: 'target', organizationId: A, delivery: { targetId: TARGET, postId: POST, channelId: CHANNEL, state: 'failed' } },
    ],
    ['a pause', 'kadens_publishing_pause', A, { kind: 'pause', organizationId: A }],
    ['an unknown state', 'kadens_target_state', target({ s: 'exploded' }), null],
    ['an id that is not a UUID', 'kadens_target_state', target({ o: 'x' }), null],
    ['a missing id', 'kadens_target_state', target({ c: undefined }), null],
    ['JSON that is not an object', 'kadens_target_state', '"failed"', null],
    ['null', 'kadens_target_state', 'null', null],
    ['broken JSON', 'kadens_target_state', '{', null],
    ['no payload', 'kadens_target_state', undefined, null],
    ['a pause without an organisation', 'kadens_publishing_pause', '', null],
    ['a pause naming no UUID', 'kadens_publishing_pause', 'fjordvik', null],
    ['another channel', 'something_else', A, null],
  ];

  it.each(cases)('reads %s', (_case, channel, payload, expected) => {
    expect(parseNotification(channel, payload)).toEqual(expected);
  });
});

describe('PublishingEventsService', () => {
  let notifications: Subject<PublishingNotification>;
  let interrupted: Subject<void>;
  let query: jest.Mock;
  let service: PublishingEventsService;

  const targetOf = (organizationId: string): PublishingNotification => ({
    kind: 'target',
    organizationId,
    delivery: { targetId: TARGET, postId: POST, channelId: CHANNEL, state: 'published' },
  });
  const collect = (organizationId: string, heartbeatMs?: number) => {
    const received: MessageEvent[] = [];
    let completed = false;
    const subscription = service
      .stream(organizationId, heartbeatMs)
      .subscribe({ next: (event) => received.push(event), complete: () => (completed = true) });
    return { received, subscription, completed: () => completed };
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    notifications = new Subject();
    interrupted = new Subject();
    query = jest.fn().mockResolvedValue([]);
    const listener = {
      notifications$: notifications,
      interrupted$: interrupted,
      ready: () => Promise.resolve(),
    } as unknown as PublishingListener;
    service = new PublishingEventsService(listener, { manager: { query } } as unknown as DataSource);
  });

  it('says when it listens, then streams its own organisation’s target changes only', async () => {
    const a = collect(A);
    const b = collect(B);
    await flush();
    notifications.next(targetOf(A));
    notifications.next(targetOf(B));
    notifications.next(targetOf('99999999-9999-4999-8999-999999999999'));
    await flush();
    expect(a.received).toEqual([
      { comment: 'listening' },
      { data: { type: 'target', delivery: { targetId: TARGET, postId: POST, channelId: CHANNEL, state: 'published' } } },
    ]);
    expect(b.received).toHaveLength(2);
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
  });

  it('reads the pauses once per change, only for organisations someone watches', async () => {
    notifications.next({ kind: 'pause', organizationId: A });
    await flush();
    expect(query).not.toHaveBeenCalled();
    const first = collect(A);
    const second = collect(A);
    await flush();
    notifications.next({ kind: 'pause', organizationId: A });
    await flush();
    // One query for the organisation's pause, one for its channels' — not one pair per stream.
    expect(query).toHaveBeenCalledTimes(2);
    const pause = { data: { type: 'pause', status: { organization: null, channels: [] } } };
    expect(first.received).toContainEqual(pause);
    expect(second.received).toContainEqual(pause);
    first.subscription.unsubscribe();
    second.subscription.unsubscribe();
  });

  it('keeps streaming when the pauses cannot be read', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    query.mockRejectedValueOnce(new Error('connection lost'));
    const a = collect(A);
    await flush();
    notifications.next({ kind: 'pause', organizationId: A });
    notifications.next(targetOf(A));
    await flush();
    expect(a.received.map((event) => (event.data as { type?: string } | undefined)?.type ?? event.comment)).toEqual([
      'listening',
      'target',
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('connection lost'));
    a.subscription.unsubscribe();
    warn.mockRestore();
  });

  it('sends a heartbeat comment every 25 seconds', () => {
    jest.useFakeTimers();
    try {
      const a = collect(A);
      jest.advanceTimersByTime(HEARTBEAT_MS * 2 + 1);
      expect(a.received.filter((event) => event.comment === 'heartbeat')).toHaveLength(2);
      a.subscription.unsubscribe();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends the streams when the listener is interrupted, and forgets closed streams', async () => {
    const a = collect(A);
    const b = collect(B);
    expect(service.watchers(A)).toBe(1);
    b.subscription.unsubscribe();
    expect(service.watchers(B)).toBe(0);
    interrupted.next();
    expect(a.completed()).toBe(true);
    expect(service.watchers(A)).toBe(0);
  });
});
