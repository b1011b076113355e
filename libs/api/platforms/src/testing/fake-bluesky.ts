import { createHash } from 'node:crypto';

import { jsonToLex, lexicons } from '@atproto/api';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeBlueskyRecord {
  uri: string;
  cid: string;
  rkey: string;
  value: Record<string, unknown>;
}

/** One blob from `com.atproto.repo.uploadBlob`: the bytes as received and the type the client declared. */
export interface FakeBlueskyBlob {
  cid: string;
  mimeType: string;
  data: Buffer;
}

/** A post's public counts, as `app.bsky.feed.getPosts` reports them in each `postView`. */
export interface FakeBlueskyCounts {
  replies: number;
  reposts: number;
  likes: number;
  quotes: number;
  bookmarks?: number;
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * A PDS, as documented: app-password `createSession` (access + rotating refresh token),
 * `refreshSession`, `getSession`, `app.bsky.feed.getPosts` (counts, as the AppView behind the PDS answers), `createRecord` (records checked against the real
 * `app.bsky.feed.post` lexicon from `@atproto/api`; a used record key answers 500, as PDSes do
 * today), `getRecord` and `resolveHandle`. An expired access token is HTTP 400 `ExpiredToken`.
 * Like the stricter PDS implementations, it insists that a post's record key is a TID.
 */
export class FakeBluesky {
  readonly server = new FakeHttpServer();
  readonly handle = 'kommune.bsky.social';
  readonly did = 'did:plc:kadenskommune7x2y3z4w5v';
  appPassword = 'abcd-efgh-ijkl-mnop';
  /** Other accounts a mention can resolve to. */
  readonly knownHandles = new Map([['kari.bsky.social', 'did:plc:karinordmann2a3b4c5d6e']]);
  readonly records = new Map<string, FakeBlueskyRecord>();
  readonly blobs: FakeBlueskyBlob[] = [];
  /** The PDS's blob limit (bsky.social: 100 MB for video; images are held to 1,000,000 bytes by the embed's lexicon). */
  maxBlobBytes = 100_000_000;
  /** What `app.bsky.feed.getPosts` reports per record key; a post without an entry has all counts 0. */
  readonly counts = new Map<string, FakeBlueskyCounts>();
  sessionsCreated = 0;
  sessionsRefreshed = 0;
  /** How long an access token lives (its `exp`); about two hours on bsky.social. */
  accessTokenSeconds = 2 * 3600;
  private readonly liveAccess = new Set<string>();
  private readonly liveRefresh = new Set<string>();
  private readonly expired = new Set<string>();
  private nextToken = 1;

  constructor() {
    this.server.route('POST', '/xrpc/com.atproto.server.createSession', (request) => this.createSession(request));
    this.server.route('POST', '/xrpc/com.atproto.server.refreshSession', (request) => this.refreshSession(request));
    this.server.route('GET', '/xrpc/com.atproto.server.getSession', (request) =>
      this.authorized(request, () => ({ status: 200, json: { handle: this.handle, did: this.did, active: true } })),
    );
    this.server.route('POST', '/xrpc/com.atproto.repo.createRecord', (request) =>
      this.authorized(request, () => this.createRecord(request)),
    );
    this.server.route('GET', '/xrpc/app.bsky.feed.getPosts', (request) => this.authorized(request, () => this.getPosts(request)));
    this.server.route('GET', '/xrpc/com.atproto.repo.getRecord', (request) => this.getRecord(request));
    this.server.route('POST', '/xrpc/com.atproto.repo.uploadBlob', (request) => this.authorized(request, () => this.uploadBlob(request)));
    this.server.route('GET', '/xrpc/com.atproto.identity.resolveHandle', (request) => {
      const did = this.knownHandles.get(request.query.get('handle') ?? '');
      return did ? { status: 200, json: { did } } : xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
    });
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Access tokens live about two hours. */
  expireAccessTokens(): void {
    for (const token of this.liveAccess) this.expired.add(token);
    this.liveAccess.clear();
  }

  /** Refresh tokens expire too (after about two months), so the client must log in again. */
  expireAllTokens(): void {
    this.expireAccessTokens();
    for (const token of this.liveRefresh) this.expired.add(token);
    this.liveRefresh.clear();
  }

  /** A post already on the PDS, with these counts, without going through `createRecord` (results tests). */
  addPost(text: string, counts: FakeBlueskyCounts): FakeBlueskyRecord {
    let rkey = '';
    for (let n = this.records.size + 1; rkey === '' || this.records.has(rkey); n++) rkey = `3l${tidDigits(n).padStart(11, '2')}`;
    const record: FakeBlueskyRecord = {
      uri: `at://${this.did}/app.bsky.feed.post/${rkey}`,
      cid: `bafyreig${rkey}`,
      rkey,
      value: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString() },
    };
    this.records.set(rkey, record);
    this.counts.set(rkey, counts);
    return record;
  }

  recordsWithText(text: string): FakeBlueskyRecord[] {
    return [...this.records.values()].filter((record) => record.value['text'] === text);
  }

  /** The embed of the post with this text, as the PDS stored it (images, video, or an `app.bsky.embed.external` link card). */
  embedOf(text: string): Record<string, unknown> | undefined {
    return this.recordsWithText(text)[0]?.value['embed'] as Record<string, unknown> | undefined;
  }

  private createSession(request: ReceivedRequest): FakeReply {
    const { identifier, password } = (request.json ?? {}) as { identifier?: string; password?: string };
    if (identifier !== this.handle || password !== this.appPassword) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    this.sessionsCreated++;
    return { status: 200, json: this.issueTokens() };
  }

  private refreshSession(request: ReceivedRequest): FakeReply {
    const token = bearer(request);
    if (!this.liveRefresh.has(token)) {
      return this.expired.has(token)
        ? xrpcError(400, 'ExpiredToken', 'Token has expired')
        : xrpcError(400, 'InvalidToken', 'Token could not be verified');
    }
    this.liveRefresh.delete(token);
    this.sessionsRefreshed++;
    return { status: 200, json: this.issueTokens() };
  }

  private issueTokens() {
    // Shaped like the PDS's JWTs (its claims readable: `exp`, `sub`), though not signed.
    const now = Math.floor(Date.now() / 1000);
    const n = this.nextToken++;
    const accessJwt = fakeJwt({
      scope: 'com.atproto.appPass',
      sub: this.did,
      iat: now,
      exp: now + this.accessTokenSeconds,
      jti: `access-${n}`,
    });
    const refreshJwt = fakeJwt({ scope: 'com.atproto.refresh', sub: this.did, iat: now, exp: now + 90 * 24 * 3600, jti: `refresh-${n}` });
    this.liveAccess.add(accessJwt);
    this.liveRefresh.add(refreshJwt);
    return { accessJwt, refreshJwt, handle: this.handle, did: this.did, active: true };
  }

  private authorized(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    const token = bearer(request);
    if (this.liveAccess.has(token)) return next();
    if (this.expired.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return xrpcError(400, 'InvalidToken', 'Token could not be verified');
  }

  private createRecord(request: ReceivedRequest): FakeReply {
    const { repo, collection, rkey, record } = (request.json ?? {}) as Record<string, unknown>;
    if (repo !== this.did && repo !== this.handle) return xrpcError(400, 'InvalidRequest', `Could not find repo: ${String(repo)}`);
    if (collection !== 'app.bsky.feed.post' || typeof rkey !== 'string' || !TID.test(rkey)) {
      return xrpcError(400, 'InvalidRequest', `Invalid record key for ${String(collection)}: ${String(rkey)}`);
    }
    try {
      // Blob references arrive as JSON (`{$type: 'blob', ref: {$link}}`); the lexicon checks them as blobs.
      lexicons.assertValidRecord('app.bsky.feed.post', jsonToLex(record as Parameters<typeof jsonToLex>[0]));
    } catch (error) {
      return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${(error as Error).message}`);
    }
    const unknown = blobLinks(record).find((cid) => !this.blobs.some((blob) => blob.cid === cid));
    if (unknown !== undefined) return xrpcError(400, 'InvalidRequest', `Could not find blob: ${unknown}`);
    if (this.records.has(rkey)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    const stored: FakeBlueskyRecord = {
      uri: `at://${this.did}/app.bsky.feed.post/${rkey}`,
      cid: `bafyreig${rkey}${this.records.size}`,
      rkey,
      value: record as Record<string, unknown>,
    };
    this.records.set(rkey, stored);
    return {
      status: 200,
      headers: blueskyRateLimitHeaders(4997, Math.floor(Date.now() / 1000) + 3600),
      json: {
        uri: stored.uri,
        cid: stored.cid,
        commit: { cid: 'bafyreicommit', rev: '3lk2abcdefg2a' },
        validationStatus: 'valid',
      },
    };
  }

  /** The body is the file itself, its type in Content-Type; answers the blob reference a record embeds. */
  private uploadBlob(request: ReceivedRequest): FakeReply {
    const mimeType = String(request.headers['content-type'] ?? '*/*');
    if (request.raw.length === 0) return xrpcError(400, 'InvalidRequest', 'Request body is empty');
    if (request.raw.length > this.maxBlobBytes) return xrpcError(400, 'BlobTooLarge', `Blob is larger than ${this.maxBlobBytes} bytes`);
    const cid = rawCid(request.raw);
    if (!this.blobs.some((blob) => blob.cid === cid)) this.blobs.push({ cid, mimeType, data: request.raw });
    return { status: 200, json: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.raw.length } } };
  }

  /**
   * `app.bsky.feed.getPosts?uris=…` (at most 25): a `postView` per post the AppView knows, with its
   * counts; unknown or deleted posts are left out, not an error.
   */
  private getPosts(request: ReceivedRequest): FakeReply {
    const uris = request.query.getAll('uris');
    if (uris.length === 0 || uris.length > 25) return xrpcError(400, 'InvalidRequest', 'Error: uris must contain 1 to 25 at-uris');
    const posts = uris.flatMap((uri) => {
      const record = [...this.records.values()].find((candidate) => candidate.uri === uri);
      if (record === undefined) return [];
      const counts = this.counts.get(record.rkey) ?? { replies: 0, reposts: 0, likes: 0, quotes: 0 };
      return [
        {
          uri: record.uri,
          cid: record.cid,
          author: { did: this.did, handle: this.handle },
          record: record.value,
          replyCount: counts.replies,
          repostCount: counts.reposts,
          likeCount: counts.likes,
          quoteCount: counts.quotes,
          ...(counts.bookmarks === undefined ? {} : { bookmarkCount: counts.bookmarks }),
          indexedAt: new Date().toISOString(),
          labels: [],
        },
      ];
    });
    return { status: 200, json: { posts } };
  }

  private getRecord(request: ReceivedRequest): FakeReply {
    const rkey = request.query.get('rkey') ?? '';
    const record = request.query.get('repo') === this.did ? this.records.get(rkey) : undefined;
    if (record === undefined) {
      return xrpcError(400, 'RecordNotFound', `Could not locate record: at://${request.query.get('repo')}/app.bsky.feed.post/${rkey}`);
    }
    return { status: 200, json: { uri: record.uri, cid: record.cid, value: record.value } };
  }
}

export function xrpcError(status: number, error: string, message: string, headers?: Record<string, string>): FakeReply {
  return { status, headers, json: { error, message } };
}

/** Bluesky's PDS sends the reset as epoch seconds under the draft standard's header names. */
export function blueskyRateLimitHeaders(remaining: number, resetEpochSeconds: number): Record<string, string> {
  return {
    'ratelimit-limit': '5000',
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(resetEpochSeconds),
    'ratelimit-policy': '5000;w=3600',
  };
}

/** A number in the TID alphabet (base32-sortable), so made-up record keys pass the TID check. */
function tidDigits(n: number): string {
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 32)) out = (alphabet[rest % 32] ?? '2') + out;
  return out;
}

function bearer(request: ReceivedRequest): string {
  return request.headers['authorization']?.replace(/^Bearer /, '') ?? '';
}

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'HS256' })}.${part(claims)}.${Buffer.from('fake-signature').toString('base64url')}`;
}

/** A CIDv1 (raw codec, SHA-256) in base32, as a PDS names a blob. */
function rawCid(data: Buffer): string {
  const bytes = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), createHash('sha256').update(data).digest()]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return `b${out}`;
}

/** Every blob a record references (`ref.$link`), wherever it sits. */
function blobLinks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blobLinks);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (record['$type'] === 'blob') {
    const ref = record['ref'] as Record<string, unknown> | undefined;
    return typeof ref?.['$link'] === 'string' ? [ref['$link']] : [];
  }
  return Object.values(record).flatMap(blobLinks);
}
