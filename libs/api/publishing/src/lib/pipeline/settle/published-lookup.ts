import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { type ChannelConnection, isPlatformError, type PublishedLookup, PlatformRegistry } from '@kadens/api/platforms';
import type { Platform } from '@kadens/shared/contracts';
import type { PostContent } from '@kadens/shared/platform-rules';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { ConnectionCredentials } from '../../connections/connection-credentials';
import { ConnectionsService } from '../../connections/connections.service';

/** What asking the platform about an ambiguous attempt came to. */
export type LookupVerdict =
  | { kind: 'found'; externalId: string; url: string | null }
  | { kind: 'absent'; because: Extract<PublishedLookup, { found: false }>['because'] }
  /** The platform could not be asked, or could not tell: the reason, for the attempt's message. */
  | { kind: 'unknown'; reason: string };

export interface LookupSubject {
  platform: Platform;
  channelId: string;
  idempotencyKey: string;
  firstAttemptAt: number;
  content?: PostContent;
  /** The claim's connection, when the caller has it; otherwise it is read (and renewed) here. */
  connection?: ChannelConnection;
}

/**
 * Asks a channel's platform whether an ambiguous attempt made its post (`lookUpPublished`), outside any
 * transaction and within twice the request timeout (a look-up may renew a session first). Null when the
 * platform's adapter cannot look up: the caller keeps today's rule. Never throws: a failure is `unknown`.
 */
@Injectable()
export class PublishedLookups {
  private readonly logger = new Logger(PublishedLookups.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
    private readonly credentials: ConnectionCredentials,
  ) {}

  canLookUp(platform: Platform): boolean {
    return this.registry.adapterFor(platform).lookUpPublished !== undefined;
  }

  async lookUp(subject: LookupSubject): Promise<LookupVerdict | null> {
    const adapter = this.registry.adapterFor(subject.platform);
    if (!adapter.lookUpPublished) return null;
    const timeoutMs = this.config.publishing.requestTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${Math.round((2 * timeoutMs) / 1000)} s`)), 2 * timeoutMs);
    });
    try {
      const connection = await Promise.race([this.connectionOf(subject, adapter.refreshCredentials !== undefined), deadline]);
      if (connection === null) return { kind: 'unknown', reason: 'the channel is not connected' };
      const answer = await Promise.race([
        adapter.lookUpPublished({
          idempotencyKey: subject.idempotencyKey,
          connection,
          timeoutMs,
          firstAttemptAt: subject.firstAttemptAt,
          content: subject.content,
        }),
        deadline,
      ]);
      return answer.found ? { kind: 'found', externalId: answer.externalId, url: answer.url } : { kind: 'absent', because: answer.because };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (!isPlatformError(error)) this.logger.warn(`looking up ${subject.idempotencyKey} on ${subject.platform} failed: ${reason}`);
      return { kind: 'unknown', reason };
    } finally {
      clearTimeout(timer);
    }
  }

  private async connectionOf(subject: LookupSubject, renews: boolean): Promise<ChannelConnection | null> {
    if (renews) return (await this.credentials.fresh(subject.channelId)) ?? subject.connection ?? null;
    return subject.connection ?? (await this.connections.forPublishing(this.db.manager, subject.channelId));
  }
}
