import { lexicons } from '@atproto/api';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeBlueskyRecord {
  uri: string;
  cid: string;
  rkey: string;
  value: Record<string, unknown>;
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * A PDS, as documented: app-password `createSession` (access + rotating refresh token),
 * `refreshSession`, `getSession`, `createRecord` (records checked against the real
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
  sessionsCreated = 0;
  sessionsRefreshed = 0;
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
    this.server.route('GET', '/xrpc/com.atproto.repo.getRecord', (request) => this.getRecord(request));
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

  recordsWithText(text: string): FakeBlueskyRecord[] {
    return [...this.records.values()].filter((record) => record.value['text'] === text);
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
    const accessJwt = `access-${this.nextToken}`;
    const refreshJwt = `refresh-${this.nextToken++}`;
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
      lexicons.assertValidRecord('app.bsky.feed.post', record);
    } catch (error) {
      return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${(error as Error).message}`);
    }
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

function bearer(request: ReceivedRequest): string {
  return request.headers['authorization']?.replace(/^Bearer /, '') ?? '';
}
