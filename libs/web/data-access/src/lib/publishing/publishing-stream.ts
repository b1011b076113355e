import { DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { type OrganizationId, type PublishingEvent, type PublishingStatus, TARGET_STATES } from '@kadens/shared/contracts';
import { Subject } from 'rxjs';

import { PUBLISHING_API_PATHS } from './publishing-api-paths';
import { PublishingApi } from './publishing.api';

/** A target whose delivery state changed, as the live stream names it. */
export type TargetDeliveryChange = Extract<PublishingEvent, { type: 'target' }>['delivery'];

/** The part of an EventSource the stream uses, so that tests can hand in a fake. */
export interface PublishingEventSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** EventSource.CLOSED, spelled out: the global is missing where there is no browser. */
const EVENT_SOURCE_CLOSED = 2;

/** Opens the server-sent events stream with the session cookie; null where the browser has no EventSource. */
export const PUBLISHING_EVENT_SOURCE = new InjectionToken<(url: string) => PublishingEventSource | null>('PUBLISHING_EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) => (typeof EventSource === 'undefined' ? null : new EventSource(url, { withCredentials: true })),
});

/** The first wait before opening again a stream the server closed; it doubles up to a minute. */
export const PUBLISHING_STREAM_RETRY_MS = new InjectionToken<number>('PUBLISHING_STREAM_RETRY_MS', {
  providedIn: 'root',
  factory: () => 5_000,
});
const MAX_RETRY_MS = 60_000;

/** Target events come in bursts (a dispatch of many targets): the counts are read again once one settles. */
export const PUBLISHING_STATUS_SETTLE_MS = new InjectionToken<number>('PUBLISHING_STATUS_SETTLE_MS', {
  providedIn: 'root',
  factory: () => 1_000,
});

/**
 * off: no organisation, or no EventSource; connecting: the first connection; live: events arrive;
 * down: the connection was lost and is being made again.
 */
type PublishingStreamConnection = 'off' | 'connecting' | 'live' | 'down';

/**
 * The active organisation's publishing, live: its pause status (for the crisis banner and the counts)
 * and every target whose delivery state changes, from `GET …/publishing/events`. The browser's
 * EventSource reconnects by itself after a network drop; when the server closes the stream instead,
 * it is opened again after a growing wait. Every (re)connection reads the status again, and a
 * reconnection tells the screens (`resynced$`) that events may have been missed.
 */
@Injectable({ providedIn: 'root' })
export class PublishingStream {
  private readonly api = inject(PublishingApi);
  private readonly openEventSource = inject(PUBLISHING_EVENT_SOURCE);
  private readonly retryMs = inject(PUBLISHING_STREAM_RETRY_MS);
  private readonly settleMs = inject(PUBLISHING_STATUS_SETTLE_MS);

  private organizationId: OrganizationId | null = null;
  private source: PublishingEventSource | null = null;
  private hasBeenLive = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private statusSequence = 0;

  private readonly statusState = signal<PublishingStatus | null>(null);
  private readonly connectionState = signal<PublishingStreamConnection>('off');
  private readonly targetChanges = new Subject<TargetDeliveryChange>();
  private readonly resyncs = new Subject<void>();

  /** Null until the first answer, and after switching organisation until the next one. */
  readonly status = this.statusState.asReadonly();
  readonly connection = this.connectionState.asReadonly();
  readonly targetChanges$ = this.targetChanges.asObservable();
  /** The stream is back after being down: lists on screen should be loaded again. */
  readonly resynced$ = this.resyncs.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Follows one organisation (null: none); following the same one again changes nothing. */
  follow(organizationId: OrganizationId | null): void {
    if (organizationId === this.organizationId) return;
    this.stop();
    this.organizationId = organizationId;
    this.statusState.set(null);
    if (!organizationId) return;
    void this.refreshStatus();
    this.open();
  }

  /** Reads the status again, e.g. after a pause or resume. Failures keep what is shown until the next try. */
  async refreshStatus(): Promise<void> {
    const organizationId = this.organizationId;
    if (!organizationId) return;
    const sequence = ++this.statusSequence;
    try {
      const status = await this.api.status(organizationId);
      if (sequence === this.statusSequence && organizationId === this.organizationId) this.statusState.set(status);
    } catch {
      // Offline or a server hiccup: the banner keeps what it showed; the next event or reconnection asks again.
    }
  }

  private open(): void {
    const organizationId = this.organizationId;
    if (!organizationId) return;
    const source = this.openEventSource(PUBLISHING_API_PATHS.events(organizationId));
    if (!source) return;
    this.source = source;
    this.connectionState.set(this.hasBeenLive ? 'down' : 'connecting');
    source.addEventListener('open', () => this.connected(source));
    source.addEventListener('error', () => this.dropped(source));
    // Unnamed events arrive as `message`; named ones are accepted too, whichever way the server sends them.
    for (const type of ['message', 'target', 'pause']) source.addEventListener(type, (event) => this.received(source, event));
  }

  private connected(source: PublishingEventSource): void {
    if (source !== this.source) return;
    const again = this.hasBeenLive;
    this.hasBeenLive = true;
    this.retries = 0;
    this.connectionState.set('live');
    void this.refreshStatus();
    if (again) this.resyncs.next();
  }

  private dropped(source: PublishingEventSource): void {
    if (source !== this.source) return;
    this.connectionState.set(this.hasBeenLive ? 'down' : 'connecting');
    // While the browser is reconnecting by itself there is nothing to do; a closed stream is opened again.
    if (source.readyState !== EVENT_SOURCE_CLOSED) return;
    source.close();
    this.source = null;
    this.connectionState.set('down');
    const delay = Math.min(this.retryMs * 2 ** this.retries, MAX_RETRY_MS);
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private received(source: PublishingEventSource, event: Event): void {
    if (source !== this.source) return;
    const published = readPublishingEvent((event as MessageEvent<unknown>).data);
    if (!published) return;
    if (published.type === 'target') {
      this.targetChanges.next(published.delivery);
      this.refreshStatusSoon();
      return;
    }
    const { organization, channels } = published.status;
    this.statusState.update((status) => (status ? { ...status, organization, channels } : status));
    // The held count and the reconnect list come only with the full status.
    void this.refreshStatus();
  }

  private refreshStatusSoon(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      void this.refreshStatus();
    }, this.settleMs);
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.retryTimer = null;
    this.settleTimer = null;
    this.hasBeenLive = false;
    this.retries = 0;
    this.statusSequence++;
    this.connectionState.set('off');
  }
}

/** One `data:` line as a publishing event, or null for anything else (a keep-alive, a newer kind). */
export function readPublishingEvent(data: unknown): PublishingEvent | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const event = value as Partial<Record<string, unknown>> | null;
  if (event?.['type'] === 'target') {
    const delivery = event['delivery'] as Partial<TargetDeliveryChange> | undefined;
    const known = typeof delivery?.targetId === 'string' && (TARGET_STATES as readonly unknown[]).includes(delivery.state);
    return known ? (value as PublishingEvent) : null;
  }
  if (event?.['type'] === 'pause') {
    const status = event['status'] as Partial<PublishingStatus> | undefined;
    return status && Array.isArray(status.channels) && 'organization' in status ? (value as PublishingEvent) : null;
  }
  return null;
}
