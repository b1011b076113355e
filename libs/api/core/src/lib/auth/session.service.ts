import type { AccountSessionView } from '@kadens/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { AuthUser } from './authenticated-request';
import { type ClientContext, describeUserAgent } from './client-context';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'kadens_session';

/** How stale `last_used_at` may get before a request writes it again. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.auth.sessionTtlHours * 3_600_000;
  }

  /** Returns the raw token for the cookie; only its hash is stored. */
  async create(userId: string, client: ClientContext = { address: null, userAgent: null }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.getRepository(Session).insert({
      tokenHash: hashSessionToken(token),
      userId,
      expiresAt: new Date(Date.now() + this.ttlMs),
      userAgent: client.userAgent,
      address: client.address,
    });
    return token;
  }

  /** The session's user, sliding the expiry forward once half of it has passed. */
  async resolve(token: string): Promise<{ user: AuthUser; tokenHash: string } | null> {
    const tokenHash = hashSessionToken(token);
    const rows: Array<{ id: string; email: string; name: string; locale: AuthUser['locale']; expires_at: Date; last_used_at: Date }> =
      await this.db.query(
        `SELECT u.id, u.email, u.name, u.locale, s.expires_at, s.last_used_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
        [tokenHash],
      );
    const row = rows[0];
    if (!row) return null;
    const slide = row.expires_at.getTime() - Date.now() < this.ttlMs / 2;
    const touch = Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS;
    if (slide || touch) {
      await this.db.query(`UPDATE sessions SET expires_at = GREATEST(expires_at, $2), last_used_at = now() WHERE token_hash = $1`, [
        tokenHash,
        slide ? new Date(Date.now() + this.ttlMs) : row.expires_at,
      ]);
    }
    return { user: { id: row.id, email: row.email, name: row.name, locale: row.locale }, tokenHash };
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash });
  }

  /** The person's live sessions, most recently used first. */
  async list(userId: string, currentTokenHash: string | undefined): Promise<AccountSessionView[]> {
    const rows: Array<{
      id: string;
      token_hash: string;
      created_at: Date;
      last_used_at: Date;
      user_agent: string | null;
      address: string | null;
    }> = await this.db.query(
      `SELECT id, token_hash, created_at, last_used_at, user_agent, address FROM sessions
          WHERE user_id = $1 AND expires_at > now() ORDER BY last_used_at DESC, created_at DESC`,
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      device: describeUserAgent(row.user_agent),
      address: row.address,
      current: row.token_hash === currentTokenHash,
    }));
  }

  /** Ends one of the person's sessions by its id; returns its token hash, or null when it is not theirs. */
  async revokeById(userId: string, sessionId: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    // TypeORM answers a DELETE with [rows, count].
    const [rows]: [Array<{ token_hash: string }>, number] = await manager.query(
      `DELETE FROM sessions WHERE user_id = $1 AND id = $2 RETURNING token_hash`,
      [userId, sessionId],
    );
    return rows[0]?.token_hash ?? null;
  }

  /** Ends every session of the person, except `keepTokenHash` when given; returns how many ended. */
  async revokeAll(userId: string, keepTokenHash: string | null, manager: EntityManager = this.db.manager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `DELETE FROM sessions WHERE user_id = $1 AND ($2::char(64) IS NULL OR token_hash <> $2)`,
      [userId, keepTokenHash],
    );
    return count;
  }
}
