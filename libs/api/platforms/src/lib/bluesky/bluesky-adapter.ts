import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, optionalSetting, requireCredential } from '../connection-fields';
import { isRecord, requiredId, stringField } from '../http/http-failure';
import { uploadOnce } from '../http/media-upload';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type MetricsReading,
  type MetricsRequest,
  type LookupRequest,
  type PlatformCapabilities,
  type PublishedLookup,
  type PublishRequest,
  type PublishResult,
  type RefreshedCredentials,
  type RefreshRequest,
  type VerifyOptions,
  type PublishMedium,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError } from '../platform-errors';
import { detectFacets } from './bluesky-facets';
import { linkCardEmbed } from './bluesky-link-card';
import { lookUpBlueskyPost } from './bluesky-lookup';
import { readBlueskyMetrics } from './bluesky-metrics';
import { blueskyRecordKey } from './bluesky-record-key';
import { type BlueskyAccount, type BlueskySession, BlueskySessions, jwtClaims, refreshSession, sessionExpiry } from './bluesky-sessions';
import { fitBlueskyImage } from './bluesky-image-fit';
import { assertBlueskyMedia, type BlueskyBlob, mediaEmbed, uploadBlob } from './bluesky-media';
import { SESSION_ERRORS, xrpc } from './bluesky-xrpc';

export const BLUESKY_DEFAULT_PDS = 'https://bsky.social';
const POST_COLLECTION = 'app.bsky.feed.post';

/** A connection made by signing in: the stored session, no app password. */
interface SignedInAccount {
  pds: string;
  session: BlueskySession;
}

/**
 * A Bluesky account on its PDS. Connection: credentials `identifier` (handle or e-mail) and either
 * `appPassword` (entered by hand; sessions kept in memory per process) or the session of a sign-in,
 * `accessJwt` + `refreshJwt` (renewed by `refreshCredentials` before the access token expires, and
 * stored); optional settings `pdsUrl` (default bsky.social) and `language`.
 *
 * The record key comes from the idempotency key, so a repeated attempt writes to the same key and
 * cannot make a second post. The PDS refuses the repeat (today with a 500); whenever a create fails
 * in a way that could mean "already there", the adapter reads the record back and, if it holds this
 * post, reports it as published.
 *
 * Media: each file goes up with `com.atproto.repo.uploadBlob` (raw bytes, its type), then the record
 * embeds them: images as `app.bsky.embed.images` with `alt` and `aspectRatio`, one video as
 * `app.bsky.embed.video`. Blobs an earlier attempt uploaded for the same revision are reused. An image
 * over the lexicon's 1,000,000 bytes is re-encoded smaller first (bluesky-image-fit.ts).
 * A post with a link and no media gets a link card, `app.bsky.embed.external` (see bluesky-link-card.ts).
 */
export class BlueskyAdapter extends PlatformAdapterBase {
  readonly platform = 'bluesky' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: true,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'upload',
    metrics: true,
  };
  private readonly sessions = new BlueskySessions(this.outbound);
  async publish({ idempotencyKey, content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    assertBlueskyMedia(media);
    // Each image within the lexicon's size (made smaller, or refused naming it).
    const fitted: PublishMedium[] = [];
    for (const medium of media) fitted.push(await fitBlueskyImage(medium));
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
      const blobs: BlueskyBlob[] = [];
      for (const medium of fitted) {
        const stored = await uploadOnce(uploads, medium, async () =>
          JSON.stringify(await uploadBlob(this.outbound, account.pds, session, medium, timeoutMs, this.now())),
        );
        blobs.push(JSON.parse(stored) as BlueskyBlob);
      }
      if (blobs.length > 0) Object.assign(record, { embed: mediaEmbed(fitted, blobs) });
      else if (content.link) {
        const card = { client: this.outbound, pds: account.pds, session, link: content.link.trim(), timeoutMs, now: this.now() };
        Object.assign(record, { embed: await linkCardEmbed(card) });
      }
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

  /** The post's public counts; see bluesky-metrics.ts. */
  fetchMetrics({ externalId, connection, timeoutMs }: MetricsRequest): Promise<MetricsReading> {
    const account = this.account(connection);
    return this.withSession(account, timeoutMs, (session) =>
      readBlueskyMetrics({ client: this.outbound, pds: account.pds, session, uri: externalId, timeoutMs, now: this.now() }),
    );
  }

  /** Whether an ambiguous attempt made its record; see bluesky-lookup.ts. */
  lookUpPublished(request: LookupRequest): Promise<PublishedLookup> {
    const account = this.account(request.connection);
    return this.withSession(account, request.timeoutMs, (session) =>
      lookUpBlueskyPost({ client: this.outbound, pds: account.pds, session, request, now: this.now() }),
    );
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const account = this.account(connection);
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    // getSession proves the cached session still works, not only that it once did.
    const body = await this.withSession(account, timeoutMs, (session: BlueskySession) =>
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
    return { accountName: `@${stringField(body, 'handle') ?? ('session' in account ? account.session.handle : account.identifier)}` };
  }

  /**
   * A signed-in session's `refreshJwt` for a new pair (`com.atproto.server.refreshSession`); the old
   * refresh token stops working, so the caller stores the answer first. The expiry is the new access
   * token's `exp`. A spent or revoked refresh token is `PlatformAuthError` (ExpiredToken, InvalidToken).
   */
  async refreshCredentials({ connection, timeoutMs }: RefreshRequest): Promise<RefreshedCredentials> {
    const pds = baseUrlOf(this.platform, connection, optionalSetting(connection, 'pdsUrl') ?? BLUESKY_DEFAULT_PDS);
    const refreshJwt = requireCredential(this.platform, connection, 'refreshJwt');
    const session = await refreshSession({ pds }, { refreshJwt }, { client: this.outbound, timeoutMs, now: this.now() });
    return {
      credentials: { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt },
      expiresAt: sessionExpiry(session.accessJwt, this.now()),
    };
  }

  private account(connection: ChannelConnection): BlueskyAccount | SignedInAccount {
    const pds = baseUrlOf(this.platform, connection, optionalSetting(connection, 'pdsUrl') ?? BLUESKY_DEFAULT_PDS);
    const identifier = requireCredential(this.platform, connection, 'identifier');
    const accessJwt = connection.credentials['accessJwt'];
    const refreshJwt = connection.credentials['refreshJwt'];
    if (accessJwt !== undefined && refreshJwt !== undefined && connection.credentials['appPassword'] === undefined) {
      const did = jwtClaims(accessJwt).sub ?? identifier;
      return { pds, session: { accessJwt, refreshJwt, did, handle: identifier } };
    }
    return { pds, identifier, appPassword: requireCredential(this.platform, connection, 'appPassword') };
  }

  /**
   * Runs `work` with the account's session; on an expired or invalid token renews it once and runs
   * again. A signed-in session is used as stored (ConnectionCredentials renews it before it expires).
   */
  private async withSession<T>(
    account: BlueskyAccount | SignedInAccount,
    timeoutMs: number,
    work: (session: BlueskySession) => Promise<T>,
  ): Promise<T> {
    if ('session' in account) return work(account.session);
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
