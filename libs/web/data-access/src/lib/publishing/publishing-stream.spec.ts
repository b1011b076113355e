import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PublishingEvent, PublishingStatus } from '@kadens/shared/contracts';

import {
  PUBLISHING_EVENT_SOURCE,
  PUBLISHING_STATUS_SETTLE_MS,
  PUBLISHING_STREAM_RETRY_MS,
  type PublishingEventSource,
  PublishingStream,
  readPublishingEvent,
  type TargetDeliveryChange,
} from './publishing-stream';

/** An EventSource the test drives: it opens, drops, closes and delivers when told. */
class FakeEventSource implements PublishingEventSource {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: Event) => void>>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.fire('open', new Event('open'));
  }

  /** A network drop the browser retries by itself (`closed` false), or the server closing the stream. */
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.fire('error', new Event('error'));
  }

  send(data: PublishingEvent | string, type = 'message'): void {
    this.fire(type, new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }

  private fire(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const STATUS_URL = '/api/organizations/o1/publishing/status';

function status(overrides: Partial<PublishingStatus> = {}): PublishingStatus {
  return { organization: null, channels: [], heldCount: 0, attentionCount: 0, reconnectNeeded: [], ...overrides };
}

const PAUSE = { pausedAt: '2030-06-04T08:00:00.000Z', reason: 'Storm', pausedBy: { id: 'u1', name: 'Ada Admin' } };

describe('PublishingStream', () => {
  let sources: FakeEventSource[];
  let http: HttpTestingController;
  let stream: PublishingStream;

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: PUBLISHING_EVENT_SOURCE,
          useValue: (url: string) => {
            const source = new FakeEventSource(url);
            sources.push(source);
            return source;
          },
        },
        { provide: PUBLISHING_STREAM_RETRY_MS, useValue: 1_000 },
        { provide: PUBLISHING_STATUS_SETTLE_MS, useValue: 500 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    stream = TestBed.inject(PublishingStream);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function answerStatus(answer: PublishingStatus): Promise<void> {
    http.expectOne(STATUS_URL).flush(answer);
    await Promise.resolve();
    await Promise.resolve();
  }

  it('opens the organisation’s stream and reads the status, again once connected', async () => {
    stream.follow('o1');
    expect(sources.map((source) => source.url)).toEqual(['/api/organizations/o1/publishing/events']);
    expect(stream.connection()).toBe('connecting');
    await answerStatus(status({ attentionCount: 2 }));
    expect(stream.status()?.attentionCount).toBe(2);

    sources[0]?.open();
    expect(stream.connection()).toBe('live');
    await answerStatus(status({ attentionCount: 3 }));
    expect(stream.status()?.attentionCount).toBe(3);
  });

  it('passes target changes on and reads the counts again once a burst settles', async () => {
    const changes: TargetDeliveryChange[] = [];
    stream.targetChanges$.subscribe((change) => changes.push(change));
    stream.follow('o1');
    await answerStatus(status());
    const delivery = { targetId: 't1', postId: 'p1', channelId: 'c1', state: 'published' } as const;
    sources[0]?.send({ type: 'target', delivery });
    sources[0]?.send({ type: 'target', delivery: { ...delivery, targetId: 't2', state: 'failed' } }, 'target');
    expect(changes.map((change) => [change.targetId, change.state])).toEqual([
      ['t1', 'published'],
      ['t2', 'failed'],
    ]);
    http.expectNone(STATUS_URL);
    jest.advanceTimersByTime(500);
    await answerStatus(status({ attentionCount: 1 }));
    expect(stream.status()?.attentionCount).toBe(1);
  });

  it('shows a pause at once and then reads the held count', async () => {
    stream.follow('o1');
    await answerStatus(status());
    sources[0]?.send({ type: 'pause', status: { organization: PAUSE, channels: [] } });
    expect(stream.status()?.organization).toEqual(PAUSE);
    await answerStatus(status({ organization: PAUSE, heldCount: 4 }));
    expect(stream.status()?.heldCount).toBe(4);
  });

  it('ignores what it does not understand', () => {
    expect(readPublishingEvent('keep-alive')).toBeNull();
    expect(readPublishingEvent('{"type":"metrics"}')).toBeNull();
    expect(readPublishingEvent('{"type":"target","delivery":{"targetId":"t1","state":"exploded"}}')).toBeNull();
    expect(readPublishingEvent('{"type":"pause","status":{}}')).toBeNull();
    expect(readPublishingEvent(42)).toBeNull();
  });

  it('after the browser reconnects by itself, reads the status again and asks the screens to reload', async () => {
    let resyncs = 0;
    stream.resynced$.subscribe(() => resyncs++);
    stream.follow('o1');
    await answerStatus(status());
    sources[0]?.open();
    await answerStatus(status());
    expect(resyncs).toBe(0);

    sources[0]?.fail(false);
    expect(stream.connection()).toBe('down');
    expect(sources).toHaveLength(1);
    sources[0]?.open();
    await answerStatus(status({ heldCount: 1 }));
    expect(stream.connection()).toBe('live');
    expect(resyncs).toBe(1);
  });

  it('opens a stream the server closed again after a growing wait', async () => {
    stream.follow('o1');
    await answerStatus(status());
    sources[0]?.fail(true);
    expect(sources[0]?.closed).toBe(true);
    jest.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1]?.fail(true);
    jest.advanceTimersByTime(1_999);
    expect(sources).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);
    sources[2]?.open();
    await answerStatus(status());
    expect(stream.connection()).toBe('live');
  });

  it('switches organisation: closes the old stream and forgets its status and late answers', async () => {
    stream.follow('o1');
    stream.follow('o2');
    expect(sources[0]?.closed).toBe(true);
    expect(sources[1]?.url).toBe('/api/organizations/o2/publishing/events');
    http.expectOne(STATUS_URL).flush(status({ attentionCount: 9 }));
    http.expectOne('/api/organizations/o2/publishing/status').flush(status({ attentionCount: 1 }));
    await Promise.resolve();
    await Promise.resolve();
    expect(stream.status()?.attentionCount).toBe(1);

    stream.follow(null);
    expect(sources[1]?.closed).toBe(true);
    expect(stream.status()).toBeNull();
    expect(stream.connection()).toBe('off');
  });

  it('keeps the last status when the server cannot answer', async () => {
    stream.follow('o1');
    await answerStatus(status({ heldCount: 2 }));
    void stream.refreshStatus();
    http.expectOne(STATUS_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await Promise.resolve();
    await Promise.resolve();
    expect(stream.status()?.heldCount).toBe(2);
  });
});
