import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, optionalSetting, requireCredential } from '../connection-fields';
import { isRecord, requiredId, stringField } from '../http/http-failure';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type PlatformCapabilities,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError } from '../platform-errors';
import { detectFacets } from './bluesky-facets';
import { blueskyRecordKey } from './bluesky-record-key';
import { type BlueskyAccount, type BlueskySession, BlueskySessions } from './bluesky-sessions';
import { SESSION_ERRORS, xrpc } from './bluesky-xrpc';

export const BLUESKY_DEFAULT_PDS = 'https://bsky.social';
const POST_COLLECTION = 'app.bsky.feed.post';

/**
 * A Bluesky account on its PDS. Connection: credentials `identifier` (handle or e-mail) and
 * `appPassword`; optional settings `pdsUrl` (default bsky.social) and `language`.
 *
 * The record key comes from the idempotency key, so a repeated attempt writes to the same key and
 * cannot make a second post. The PDS refuses the repeat (today with a 500); whenever a create fails
 * in a way that could mean "already there", the adapter reads the record back and, if it holds this
 * post, reports it as published.
 */
export class BlueskyAdapter extends PlatformAdapterBase {
  readonly platform = 'bluesky' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: true,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'none',
    metrics: false,
  };
  private readonly sessions = new BlueskySessions(this.outbound);
  async publish({ idempotencyKey, content, connection, timeoutMs }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection);
    const account = this.account(connection);
    const text = platformRules(this.platform).composeText(content);
    const facets = await detectFacets(this.outbound, account.pds, text, timeoutMs);
    const language = optionalSetting(connection, 'language');
    const record = {
      $type: POST_COLLECTION,
      text,
      createdAt: new Date(this.now()).toISOString(),
      ...(facets.length > 0 ? { facets } : {}),
      ...(language === undefined ? {} : { langs: [language] }),
    };
    const rkey = blueskyRecordKey(idempotencyKey);

    return this.withSession(account, timeoutMs, async (session) => {
      try {
        const body = await xrpc({
          client: this.outbound,
          pds: account.pds,
          nsid: 'com.atproto.repo.createRecord',
          method: 'POST',
          bearer: session.accessJwt,
          body: { repo: session.did, collection: POST_COLLECTION, rkey, record },
          timeoutMs,
          effect: 'publishes',
          now: this.now(),
        });
        return this.result(body, session);
      } catch (error) {
        // Auth and rate-limit refusals come before any write; anything else may hide an earlier success.
        if (error instanceof PlatformAuthError || error instanceof PlatformRateLimitedError) throw error;
        const existing = await this.ownRecord(account.pds, session, rkey, text, timeoutMs);
        if (existing !== null) return existing;
        throw error;
      }
    });
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const account = this.account(connection);
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    // getSession proves the cached session still works, not only that it once did.
    const body = await this.withSession(account, timeoutMs, (session) =>
      xrpc({
        client: this.outbound,
        pds: account.pds,
        nsid: 'com.atproto.server.getSession',
        method: 'GET',
        bearer: session.accessJwt,
        timeoutMs,
        effect: 'none',
        now: this.now(),
      }),
    );
    return { accountName: `@${stringField(body, 'handle') ?? account.identifier}` };
  }

  private account(connection: ChannelConnection): BlueskyAccount {
    return {
      pds: baseUrlOf(this.platform, connection, optionalSetting(connection, 'pdsUrl') ?? BLUESKY_DEFAULT_PDS),
      identifier: requireCredential(this.platform, connection, 'identifier'),
      appPassword: requireCredential(this.platform, connection, 'appPassword'),
    };
  }

  /** Runs `work` with the account's session; on an expired or invalid token renews it once and runs again. */
  private async withSession<T>(account: BlueskyAccount, timeoutMs: number, work: (session: BlueskySession) => Promise<T>) {
    const session = await this.sessions.current(account, { timeoutMs, now: this.now() });
    try {
      return await work(session);
    } catch (error) {
      if (!(error instanceof PlatformAuthError && SESSION_ERRORS.has(error.code ?? ''))) throw error;
      return work(await this.sessions.renew(account, session, { timeoutMs, now: this.now() }));
    }
  }

  /**
   * The record at our key, when it is this post: the earlier attempt did publish. A different text at
   * the same key would be a hash collision between two posts, which must not pass for success.
   */
  private async ownRecord(pds: string, session: BlueskySession, rkey: string, text: string, timeoutMs: number) {
    let body: Record<string, unknown>;
    try {
      body = await xrpc({
        client: this.outbound,
        pds,
        nsid: 'com.atproto.repo.getRecord',
        method: 'GET',
        params: { repo: session.did, collection: POST_COLLECTION, rkey },
        timeoutMs,
        effect: 'none',
        now: this.now(),
      });
    } catch {
      return null; // RecordNotFound, or the check itself failed: the original error stands.
    }
    if (!isRecord(body['value']) || body['value']['text'] !== text) {
      throw new PlatformInvalidContentError(this.platform, `Record key ${rkey} already holds a different post`, {
        code: 'rkey_collision',
      });
    }
    return this.result(body, session);
  }

  private result(body: Record<string, unknown>, session: BlueskySession): PublishResult {
    const uri = requiredId(this.platform, body, 'uri', 'publishes');
    const rkey = uri.split('/').pop() ?? '';
    return {
      externalId: uri,
      url: `https://bsky.app/profile/${session.did}/post/${rkey}`,
      raw: { uri, cid: stringField(body, 'cid') },
    };
  }
}
