import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { AuthUser } from './authenticated-request';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'kadens_session';

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
  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.getRepository(Session).insert({ tokenHash: hashSessionToken(token), userId, expiresAt: new Date(Date.now() + this.ttlMs) });
    return token;
  }

  /** The session's user, sliding the expiry forward once half of it has passed. */
  async resolve(token: string): Promise<{ user: AuthUser; tokenHash: string } | null> {
    const tokenHash = hashSessionToken(token);
    const rows: Array<{ id: string; email: string; name: string; locale: AuthUser['locale']; expires_at: Date }> = await this.db.query(
      `SELECT u.id, u.email, u.name, u.locale, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.expires_at.getTime() - Date.now() < this.ttlMs / 2) {
      await this.db.query(`UPDATE sessions SET expires_at = $2 WHERE token_hash = $1`, [tokenHash, new Date(Date.now() + this.ttlMs)]);
    }
    return { user: { id: row.id, email: row.email, name: row.name, locale: row.locale }, tokenHash };
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash });
  }
}
