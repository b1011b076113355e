import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { recordAccountEvent } from './account-events';
import type { AuthUser } from './authenticated-request';
import type { ClientContext } from './client-context';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { SessionService } from './session.service';

/** Changing one's own password and ending one's own sessions. */
@Injectable()
export class AccountSecurityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  /** Needs the current password; ends every other session (this one stays) and any pending reset link. */
  async changePassword(
    user: AuthUser,
    currentTokenHash: string,
    input: { currentPassword: string; newPassword: string },
    client: ClientContext,
  ): Promise<'changed' | 'wrong_password'> {
    const rows: Array<{ password_hash: string }> = await this.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    if (!(await this.hasher.verify(rows[0]?.password_hash ?? null, input.currentPassword))) return 'wrong_password';
    assertAcceptablePassword(input.newPassword, [user.email, user.name], 'newPassword');
    if (input.newPassword === input.currentPassword) {
      const message = 'The new password must differ from the current one.';
      throw new BadRequestException({
        message: `newPassword: ${message}`,
        code: 'validation_failed',
        errors: [{ field: 'newPassword', messages: [message] }],
      });
    }
    const hash = await this.hasher.hash(input.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, hash]);
      await this.sessions.revokeAll(user.id, currentTokenHash, tx);
      await tx.query(`UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      await recordAccountEvent(tx, user.id, 'password_changed', client);
    });
    return 'changed';
  }

  /** Ends every session of the person, this one included. */
  async logOutEverywhere(user: AuthUser, client: ClientContext): Promise<number> {
    return this.db.transaction(async (tx) => {
      const ended = await this.sessions.revokeAll(user.id, null, tx);
      await recordAccountEvent(tx, user.id, 'logged_out_everywhere', client);
      return ended;
    });
  }

  /** Ends one of the person's own sessions; says whether it was the one making the request. */
  async endSession(
    user: AuthUser,
    sessionId: string,
    currentTokenHash: string | undefined,
    client: ClientContext,
  ): Promise<{ wasCurrent: boolean }> {
    return this.db.transaction(async (tx) => {
      const ended = await this.sessions.revokeById(user.id, sessionId, tx);
      if (!ended)
        throw new NotFoundException({ message: 'No such session of yours (it may have ended already)', code: 'session_not_found' });
      await recordAccountEvent(tx, user.id, 'session_ended', client);
      return { wasCurrent: ended === currentTokenHash };
    });
  }
}
