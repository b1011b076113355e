import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { type Observable, Subject } from 'rxjs';

import { LISTENED_CHANNELS, parseNotification, type PublishingNotification } from './publishing-notification';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * One dedicated PostgreSQL connection per API process that LISTENs for delivery and pause changes and
 * hands them to the live streams. Pool connections cannot LISTEN (they are shared and recycled), hence
 * its own `pg` client. When the connection drops (a database restart, a network cut) it reconnects with
 * a growing back-off and says so on `interrupted$`: notifications sent meanwhile are lost, so streams
 * end and browsers reconnect and reload what they show.
 */
@Injectable()
export class PublishingListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PublishingListener.name);
  private readonly notifications = new Subject<PublishingNotification>();
  private readonly interruptions = new Subject<void>();
  /** Every notification, for every organisation; subscribers filter. */
  readonly notifications$: Observable<PublishingNotification> = this.notifications.asObservable();
  /** Emits when streams must end: the connection dropped (events may be missed), or the process shuts down. */
  readonly interrupted$: Observable<void> = this.interruptions.asObservable();

  private client: Client | null = null;
  private started = false;
  private closed = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private listening!: Promise<void>;
  private markListening!: () => void;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.awaitListening();
  }

  /** API processes listen from the start; others (worker, scheduler) only if something streams. */
  onApplicationBootstrap(): void {
    if (this.config.roles.includes('api')) this.start();
  }

  /** Resolves once LISTEN is in effect (starting the listener on first use); waits through reconnects. */
  ready(): Promise<void> {
    this.start();
    return this.listening;
  }

  get isListening(): boolean {
    return this.client !== null;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.interruptions.next();
    this.interruptions.complete();
    this.notifications.complete();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  private awaitListening(): void {
    this.listening = new Promise<void>((resolve) => (this.markListening = resolve));
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'kadens-publishing-events',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (message) => {
      const notification = parseNotification(message.channel, message.payload);
      if (notification) this.notifications.next(notification);
    });
    // Both fire when the server goes away; only the connection in use counts (see dropped).
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, null));
    try {
      await client.connect();
      for (const channel of LISTENED_CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.retry(error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.failures > 0) this.logger.log(`Listening for delivery events again (after ${this.failures} failed attempt(s))`);
    this.failures = 0;
    this.markListening();
  }

  private dropped(client: Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`Lost the connection that listens for delivery events${error ? ` (${error.message})` : ''}; reconnecting`);
    this.awaitListening();
    this.interruptions.next();
    this.retry(null);
  }

  private retry(problem: string | null): void {
    if (this.closed) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures) * (0.75 + Math.random() / 2);
    this.failures += 1;
    if (problem) this.logger.warn(`Could not listen for delivery events (${problem}); trying again in ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}
