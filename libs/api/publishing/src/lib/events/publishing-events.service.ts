import type { PublishingEvent } from '@kadens/shared/contracts';
import { Injectable, Logger, type MessageEvent } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { catchError, concatMap, EMPTY, filter, from, interval, map, merge, Observable, of, share, takeUntil } from 'rxjs';
import type { DataSource } from 'typeorm';

import { loadPauses } from '../crisis/publishing-status';
import { PublishingListener } from './publishing-listener';
import type { PublishingNotification } from './publishing-notification';

/** Proxies and browsers drop a connection that stays silent for a minute or so. */
export const HEARTBEAT_MS = 25_000;

interface OrganizationEvent {
  organizationId: string;
  event: PublishingEvent;
}

/**
 * Fans the listener's notifications out to each organisation's open streams. A pause notification is
 * turned into the organisation's current pauses once per process, however many pages are open, and only
 * for organisations somebody is watching; another organisation's events never reach a stream.
 */
@Injectable()
export class PublishingEventsService {
  private readonly logger = new Logger(PublishingEventsService.name);
  /** Open streams per organisation. */
  private readonly watching = new Map<string, number>();
  private readonly events$: Observable<OrganizationEvent>;

  constructor(
    private readonly listener: PublishingListener,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.events$ = listener.notifications$.pipe(
      filter((notification) => this.watching.has(notification.organizationId)),
      // In order, so a pause read from the database never overtakes a later target change.
      concatMap((notification) => this.toEvent(notification)),
      share(),
    );
  }

  /**
   * The organisation's live events as server-sent events: a `: listening` comment once the listener is in
   * effect (so a client knows nothing is missed from then on), each `PublishingEvent` as JSON data, and a
   * `: heartbeat` comment every 25 s. Ends when the listener's connection drops; EventSource reconnects.
   */
  stream(organizationId: string, heartbeatMs = HEARTBEAT_MS): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.watching.set(organizationId, (this.watching.get(organizationId) ?? 0) + 1);
      const subscription = merge(
        this.events$.pipe(
          filter((event) => event.organizationId === organizationId),
          map((event): MessageEvent => ({ data: event.event })),
        ),
        from(this.listener.ready()).pipe(map((): MessageEvent => ({ comment: 'listening' }))),
        interval(heartbeatMs).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
      )
        .pipe(takeUntil(this.listener.interrupted$))
        .subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        const left = (this.watching.get(organizationId) ?? 1) - 1;
        if (left > 0) this.watching.set(organizationId, left);
        else this.watching.delete(organizationId);
      };
    });
  }

  /** How many streams are open for the organisation in this process. */
  watchers(organizationId: string): number {
    return this.watching.get(organizationId) ?? 0;
  }

  private toEvent(notification: PublishingNotification): Observable<OrganizationEvent> {
    const { organizationId } = notification;
    if (notification.kind === 'target')
      return of<OrganizationEvent>({ organizationId, event: { type: 'target', delivery: notification.delivery } });
    return from(loadPauses(this.db.manager, organizationId)).pipe(
      map((status): OrganizationEvent => ({ organizationId, event: { type: 'pause', status } })),
      catchError((error: unknown) => {
        this.logger.warn(
          `Could not read the pauses of ${organizationId} to stream them: ${error instanceof Error ? error.message : String(error)}`,
        );
        return EMPTY;
      }),
    );
  }
}
