import type { Readable } from 'node:stream';

import type { OutboundClient } from '@kadens/api/outbound';
import type { Platform, ResultNumbers } from '@kadens/shared/contracts';
import type { PostContent, TextIssue } from '@kadens/shared/platform-rules';

/**
 * A channel's account on a platform, as the adapter needs it. Credentials arrive decrypted and are
 * never logged or put in an error message; settings are the non-secret rest (page id, author URN,
 * instance URL, the instance's `maxCharacters`…). `baseUrl` replaces the platform's default API
 * address: tests point it at a local fake, self-hosted platforms at their own server.
 */
export interface ChannelConnection {
  baseUrl?: string;
  credentials: Readonly<Record<string, string>>;
  settings: Readonly<Record<string, unknown>>;
}

/**
 * One medium of the post, in the post's order, as the publishing pipeline hands it over: its facts from
 * the media library, its stored bytes as a stream (`open`, for platforms that take an upload), and a
 * signed, expiring URL under PUBLIC_URL (`signedUrl`, for platforms that fetch by URL).
 */
export interface PublishMedium {
  id: string;
  kind: 'image' | 'video';
  mimeType: string;
  bytes: number;
  width: number;
  height: number;
  /** Video only. */
  durationMs: number | null;
  /** The text alternative ('' when none was written; images have one before a post can be approved). */
  altText: string;
  open(): Promise<Readable>;
  signedUrl(): Promise<string>;
}

/**
 * What was already uploaded for this target revision: an attempt that failed after uploading leaves
 * its platform media ids here, and the retry attaches them instead of uploading again.
 */
export interface MediaUploads {
  find(mediaId: string): Promise<string | null>;
  remember(mediaId: string, platformMediaId: string): Promise<void>;
}

export interface PublishRequest {
  /**
   * The same for every attempt at the same target revision. Platforms that deduplicate receive it
   * (Mastodon's and the webhook's `Idempotency-Key`) or a value derived from it (Bluesky's record
   * key, WordPress's slug).
   */
  idempotencyKey: string;
  content: PostContent;
  connection: ChannelConnection;
  /** For each HTTP call the publish makes; a publish may make several (Instagram makes at least three). */
  timeoutMs: number;
  /** The post's media in order; none when absent. */
  media?: readonly PublishMedium[];
  /** Uploads already made for this target revision; without it every attempt uploads afresh. */
  uploads?: MediaUploads;
}

export interface PublishResult {
  externalId: string;
  /** Where people can see the post; null when the platform did not say and it cannot be built. */
  url: string | null;
  /** The platform's answer, for the attempt log. Never holds credentials. */
  raw?: unknown;
}

export interface AccountIdentity {
  accountName: string;
}

/**
 * What a platform said about one published post's results (issue 13), mapped to Kadens' normalised
 * metrics. A metric the platform does not give, or refused this time, is absent — never 0 for
 * "unknown". A refused or retired metric name must not lose the others: the adapter asks for the rest
 * and names what it could not read in `missing`.
 */
export interface MetricsReading {
  numbers: ResultNumbers;
  /** The platform's answer(s), for the snapshot. Never holds credentials. */
  raw: unknown;
  /** Metrics asked for and refused (renamed, retired, not allowed for this post), with the platform's reason. */
  missing?: Array<{ metric: string; reason: string }>;
}

/**
 * How media reach the platform: uploaded by the adapter (`upload`), fetched by the platform from a
 * signed URL (`url`), or not at all: this adapter cannot send media yet (`none`).
 */
export type MediaDelivery = 'upload' | 'url' | 'none';

export interface PlatformCapabilities {
  /**
   * Publishing twice with the same idempotency key cannot make two posts, so an ambiguous outcome
   * may be retried automatically (within `idempotencyWindowMs`).
   */
  idempotentPublish: boolean;
  /** How long the platform remembers a key; null when it never forgets (or when there is no key). */
  idempotencyWindowMs: number | null;
  requiresMedia: boolean;
  media: MediaDelivery;
  metrics: boolean;
}

/** An installation's app on the platform, which a refresh must name (and, for a confidential client, prove). */
export interface OAuthClient {
  clientId: string;
  clientSecret: string | null;
  /** The installation's token endpoint when it is not on the API's address (LinkedIn's is on www.linkedin.com); tests point it at a fake. */
  tokenUrl?: string;
}

export interface RefreshRequest {
  connection: ChannelConnection;
  /** The installation's app for the platform; null when none is configured (the adapter refuses if it needs one). */
  client: OAuthClient | null;
  timeoutMs: number;
}

/** What a refresh hands back: every credential to store (the rotated refresh token too) and the new expiry. */
export interface RefreshedCredentials {
  credentials: Record<string, string>;
  /** When the new access token stops working; null when the platform did not say. */
  expiresAt: Date | null;
}

export interface VerifyOptions {
  timeoutMs?: number;
}

export interface MetricsRequest {
  /** What publish returned: the platform's id of the post, and its URL. */
  externalId: string;
  externalUrl: string | null;
  /** When the post was published (some insights are asked for a time range). */
  publishedAt: Date;
  connection: ChannelConnection;
  timeoutMs: number;
}

/** What a look-up needs to find an ambiguous attempt's post (see `PlatformAdapter.lookUpPublished`). */
export interface LookupRequest {
  /** The attempt's idempotency key: the same for every attempt at the target revision. */
  idempotencyKey: string;
  connection: ChannelConnection;
  timeoutMs: number;
  /** When the first attempt with this key started (epoch ms): a platform that forgets keys cannot tell after its window. */
  firstAttemptAt: number;
  /** The revision's content, when known: lets the adapter tell its own post from another at the same key. */
  content?: PostContent;
}

/**
 * What a look-up found. `found: false` always means that sending the post again with the same key
 * cannot make a second one — `not_on_platform`: the platform was asked and has no post under the key
 * (and deduplicates a late arrival of the first attempt); `repeat_is_safe`: it cannot be asked, but it
 * deduplicates the key, so a repeat returns the first post if there is one.
 */
export type PublishedLookup =
  { found: true; externalId: string; url: string | null } | { found: false; because: 'not_on_platform' | 'repeat_is_safe' };

/**
 * One platform behind the interface the publisher uses. Every method throws `PlatformError`
 * subclasses only (see platform-errors.ts); platform differences that the publisher must know
 * about become capabilities, never a check of `platform` outside the platform's folder.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  readonly capabilities: PlatformCapabilities;
  /** The platform's text rules for this connection, plus what this adapter cannot send. Pure, no I/O. */
  validate(content: PostContent, connection: ChannelConnection): TextIssue[];
  /** Validates first (a blocking issue throws `PlatformInvalidContentError` before anything is sent). */
  publish(request: PublishRequest): Promise<PublishResult>;
  /** The channel page's "test connection": proves the credentials work and names the account. */
  verifyCredentials(connection: ChannelConnection, options?: VerifyOptions): Promise<AccountIdentity>;
  /**
   * Only platforms that report results (`capabilities.metrics`): reads the post's numbers now. Rate
   * limits and auth failures throw the publishing error classes (429 → `PlatformRateLimitedError`,
   * 401 → `PlatformAuthError`, 5xx/network → `PlatformTransientError`); a post the platform no longer
   * has, or any other refusal of the whole request → `PlatformInvalidContentError` with the platform's words.
   */
  fetchMetrics?(request: MetricsRequest): Promise<MetricsReading>;
  /**
   * Only platforms that can tell whether an ambiguous attempt (no answer, a timeout, a dead worker)
   * reached them: looks the post up by the attempt's idempotency key (Bluesky: the record key derived
   * from it; Mastodon: the key it replays for an hour; a webhook receiver that deduplicates). The
   * reconciler and the publisher ask whenever an attempt ends without a usable answer, before it could
   * be settled as unconfirmed, outside any transaction; "check again" in the needs-attention list asks
   * on a person's behalf. When the platform
   * cannot tell (the key's window has passed, the receiver does not deduplicate) it throws
   * `PlatformAmbiguousError` with code `lookup.cannot_tell`; a failed look-up throws the publishing
   * error classes as `publish` does. Read-only: it never makes a post.
   */
  lookUpPublished?(request: LookupRequest): Promise<PublishedLookup>;
  /**
   * Only platforms whose access tokens expire: trades the stored refresh token for new credentials.
   * The old refresh token may stop working at once (rotation), so the caller stores the answer
   * before using it. A refusal (revoked, already used) throws `PlatformAuthError`.
   */
  refreshCredentials?(request: RefreshRequest): Promise<RefreshedCredentials>;
}

export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;

/**
 * What every adapter's constructor accepts: the guarded HTTP client every request goes through
 * (`@kadens/api/outbound`; the registry passes the process's one), and a clock tests pin, from which
 * rate-limit resets are measured.
 */
export interface AdapterOptions {
  outbound: OutboundClient;
  now?: () => number;
}
