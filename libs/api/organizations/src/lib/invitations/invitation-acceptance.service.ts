import { AuditService } from '@kadens/api/audit';
import { assertAcceptablePassword, type AuthUser, UsersService } from '@kadens/api/core';
import type { InvitationPreview, JoinedOrganizationView, MyInvitationView, Role } from '@kadens/shared/contracts';
import { ConflictException, GoneException, HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AcceptInvitationDto } from './invitation.dto';
import { hashInvitationToken, PENDING } from './invitation-token';
import { invitationNotFound } from './invitations.service';

/** A link that works: pending and not expired. */
const USABLE = `${PENDING} AND i.expires_at > now()`;

interface LockedInvitation {
  id: string;
  organization_id: string;
  organization_name: string;
  email: string;
  role: Role;
}

/** One answer for every link that does not work, so the page can say one clear thing. */
function invitationInvalid(): GoneException {
  return new GoneException({
    message: 'This invitation link no longer works: it has expired, been used, been replaced by a newer one or been withdrawn',
    code: 'invitation_invalid',
  });
}

function accountExists(): ConflictException {
  return new ConflictException({
    message: 'An account with this e-mail address exists now: log in and accept the invitation in the app',
    code: 'account_exists',
  });
}

/**
 * The invited person's side: someone with an account sees their invitations in the app (matched by the
 * account's e-mail) and accepts or declines them; someone new accepts with the link's token, choosing a
 * name and password, which creates the account. Each step locks the invitation, so it is used once.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async listMine(user: AuthUser): Promise<MyInvitationView[]> {
    const rows: Array<{ id: string; organization_name: string; role: Role; invited_by_name: string | null; expires_at: Date }> =
      await this.db.query(
        `SELECT i.id, o.name AS organization_name, i.role, u.name AS invited_by_name, i.expires_at
         FROM invitations i
         JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.email = $1 AND ${USABLE}
        ORDER BY i.created_at, o.name`,
        [user.email],
      );
    return rows.map((row) => ({
      id: row.id,
      organizationName: row.organization_name,
      role: row.role,
      invitedByName: row.invited_by_name,
      expiresAt: row.expires_at.toISOString(),
    }));
  }

  acceptMine(user: AuthUser, invitationId: string): Promise<JoinedOrganizationView> {
    return this.db.transaction(async (tx) => {
      const invitation = await this.lock(tx, `i.id = $1 AND i.email = $2`, [invitationId, user.email]);
      if (!invitation) throw invitationNotFound();
      return this.join(tx, invitation, user.id);
    });
  }

  declineMine(user: AuthUser, invitationId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const invitation = await this.lock(tx, `i.id = $1 AND i.email = $2`, [invitationId, user.email]);
      if (!invitation) throw invitationNotFound();
      await tx.query(`UPDATE invitations SET declined_at = now() WHERE id = $1`, [invitation.id]);
      await this.audit.record(tx, {
        organizationId: invitation.organization_id,
        actorId: user.id,
        action: 'invitation.declined',
        subjectType: 'invitation',
        subjectId: invitation.id,
        before: { email: invitation.email, role: invitation.role },
      });
    });
  }

  /** What the invitation page shows for a link; 410 for any link that does not work. */
  async preview(token: string): Promise<InvitationPreview> {
    const rows: Array<{
      email: string;
      name: string | null;
      role: Role;
      expires_at: Date;
      organization_name: string;
      account_exists: boolean;
    }> = await this.db.query(
      `SELECT i.email, i.name, i.role, i.expires_at, o.name AS organization_name,
                EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS account_exists
           FROM invitations i JOIN organizations o ON o.id = i.organization_id
          WHERE i.token_hash = $1 AND ${USABLE}`,
      [hashInvitationToken(token)],
    );
    const row = rows[0];
    if (!row) throw invitationInvalid();
    return {
      email: row.email,
      organizationName: row.organization_name,
      role: row.role,
      name: row.name,
      accountExists: row.account_exists,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** Creates the account and the membership; the caller logs the new user in. */
  acceptWithToken(input: AcceptInvitationDto): Promise<{ userId: string; joined: JoinedOrganizationView }> {
    return this.db.transaction(async (tx) => {
      const invitation = await this.lock(tx, `i.token_hash = $1`, [hashInvitationToken(input.token)]);
      if (!invitation) throw invitationInvalid();
      if (await this.users.findByEmail(invitation.email, tx)) throw accountExists();
      // The DTO checked the password against the name; only here is the e-mail known.
      assertAcceptablePassword(input.password, [invitation.email, input.name]);
      const user = await this.users
        .create({ email: invitation.email, name: input.name, password: input.password }, tx)
        .catch((error: unknown) => {
          // Created in the meantime, by a transaction that committed after our check.
          if (error instanceof HttpException && error.getStatus() === 409) throw accountExists();
          throw error;
        });
      return { userId: user.id, joined: await this.join(tx, invitation, user.id) };
    });
  }

  private async lock(tx: EntityManager, where: string, parameters: unknown[]): Promise<LockedInvitation | null> {
    const rows: LockedInvitation[] = await tx.query(
      `SELECT i.id, i.organization_id, o.name AS organization_name, i.email, i.role
         FROM invitations i JOIN organizations o ON o.id = i.organization_id
        WHERE ${where} AND ${USABLE}
          FOR UPDATE OF i`,
      parameters,
    );
    return rows[0] ?? null;
  }

  /** Someone who became a member meanwhile keeps the role they have. */
  private async join(tx: EntityManager, invitation: LockedInvitation, userId: string): Promise<JoinedOrganizationView> {
    await tx.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      invitation.organization_id,
      userId,
      invitation.role,
    ]);
    await tx.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [invitation.id, userId]);
    const [membership]: Array<{ role: Role }> = await tx.query(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [
      invitation.organization_id,
      userId,
    ]);
    const role = membership?.role ?? invitation.role;
    await this.audit.record(tx, {
      organizationId: invitation.organization_id,
      actorId: userId,
      action: 'invitation.accepted',
      subjectType: 'member',
      subjectId: userId,
      after: { email: invitation.email, role },
    });
    return { organizationId: invitation.organization_id, organizationName: invitation.organization_name, role };
  }
}
