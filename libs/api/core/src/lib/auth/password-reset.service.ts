import { isLocale, type Locale } from '@kadens/shared/contracts';
import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AccountMailer } from '../mail/account-mailer';
import { recordAccountEvent } from './account-events';
import type { ClientContext } from './client-context';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { passwordResetMail } from './password-reset-mail';
import { SessionService } from './session.service';
import { normalizeEmail } from './users.service';

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MS = 3_600_000;

/** Without a language of their own, people read the mail in their first organisation's language, else Norwegian. */
const FALLBACK_LOCALE: Locale = 'nb';

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordResetService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: AccountMailer,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Writes a single-use token (only its SHA-256 is stored) and the mail carrying it, in one transaction.
   * An unknown e-mail does nothing at all; the caller answers the same either way.
   */
  async request(email: string, client: ClientContext): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      const users: Array<{ id: string; email: string; name: string; locale: string | null; organization_locale: string | null }> =
        await tx.query(
          `SELECT u.id, u.email, u.name, u.locale,
                (SELECT o.default_locale FROM memberships m JOIN organizations o ON o.id = m.organization_id
                  WHERE m.user_id = u.id ORDER BY m.created_at LIMIT 1) AS organization_locale
           FROM users u WHERE u.email = $1`,
          [normalizeEmail(email)],
        );
      const user = users[0];
      if (!user) return;
      await tx.query(`INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
        hashResetToken(token),
        user.id,
        new Date(Date.now() + RESET_TOKEN_TTL_MS),
      ]);
      const locale = [user.locale, user.organization_locale].find(isLocale) ?? FALLBACK_LOCALE;
      await this.mailer.enqueue(
        tx,
        passwordResetMail({ to: user.email, name: user.name, locale, publicUrl: this.config.publicUrl, token }),
      );
      await recordAccountEvent(tx, user.id, 'password_reset_requested', client);
    });
    if (!this.mailer.canSend) this.logger.warn('a password reset was asked for, but SMTP_URL is not set: the mail waits in account_mails');
  }

  /** Sets the password from a valid link, uses the link up and ends every session of the account. Returns the account's e-mail. */
  async confirm(token: string, password: string, client: ClientContext): Promise<string> {
    return this.db.transaction(async (tx) => {
      const rows: Array<{ user_id: string; email: string; name: string }> = await tx.query(
        `SELECT t.user_id, u.email, u.name FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          FOR UPDATE OF t`,
        [hashResetToken(token)],
      );
      const row = rows[0];
      if (!row) {
        const message = 'This link has expired or has already been used. Ask for a new one.';
        throw new BadRequestException({
          message: `token: ${message}`,
          code: 'invalid_reset_token',
          errors: [{ field: 'token', messages: [message] }],
        });
      }
      // The policy only once the link is known to be good, so anonymous requests cannot make the server score passwords.
      assertAcceptablePassword(password, [row.email, row.name], 'password');
      await tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        row.user_id,
        await this.hasher.hash(password),
      ]);
      await tx.query(`UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      await this.sessions.revokeAll(row.user_id, null, tx);
      await recordAccountEvent(tx, row.user_id, 'password_reset', client);
      return row.email;
    });
  }
}
