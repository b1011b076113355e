import { AuditService } from '@kadens/api/audit';
import { AccountMailer, APP_CONFIG, type AppConfig, normalizeEmail } from '@kadens/api/core';
import type { InvitationView, Locale, Role } from '@kadens/shared/contracts';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { InviteMemberDto } from './invitation.dto';
import { invitationMail } from './invitation-mail';
import { invitationLink, NEW_EXPIRY, newInvitationToken, PENDING } from './invitation-token';

interface InvitationRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
}

const INVITATION_SELECT = `SELECT i.id, i.email, i.name, i.role, u.name AS invited_by_name, i.created_at, i.expires_at
                             FROM invitations i LEFT JOIN users u ON u.id = i.invited_by`;

function toInvitationView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    name: row.name,
    invitedByName: row.invited_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

export function invitationNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'Invitation not found (it may have been accepted, declined or revoked)',
    code: 'invitation_not_found',
  });
}

/**
 * The admin's side of invitations: invite, list what is pending, send again, revoke. Whether the e-mail
 * has an account is never looked at here, so every answer is the same for both; the mail is written to
 * the outbox in the same transaction.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: AccountMailer,
    private readonly audit: AuditService,
  ) {}

  /** Pending invitations, newest first; expired ones too, so an admin can send them again. */
  async list(organizationId: string): Promise<InvitationView[]> {
    const rows: InvitationRow[] = await this.db.query(
      `${INVITATION_SELECT} WHERE i.organization_id = $1 AND ${PENDING} ORDER BY i.created_at DESC, i.email`,
      [organizationId],
    );
    return rows.map(toInvitationView);
  }

  invite(actorId: string, organizationId: string, input: InviteMemberDto): Promise<InvitationView> {
    const email = normalizeEmail(input.email);
    const name = input.name?.trim() || null;
    return this.db.transaction(async (tx) => {
      // Members are on the list this admin already sees, so saying so tells them nothing new.
      const members: unknown[] = await tx.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2`,
        [organizationId, email],
      );
      if (members.length > 0) throw new ConflictException({ message: `email: ${email} is already a member`, code: 'already_member' });

      const { token, tokenHash } = newInvitationToken();
      const inserted: Array<{ id: string }> = await tx.query(
        `INSERT INTO invitations (organization_id, email, name, role, invited_by, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, ${NEW_EXPIRY})
         ON CONFLICT (organization_id, email) WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL DO NOTHING
         RETURNING id`,
        [organizationId, email, name, input.role, actorId, tokenHash],
      );
      let id = inserted[0]?.id;
      if (!id) id = await this.renewExpired(tx, organizationId, email, { name, role: input.role, actorId, tokenHash });
      const invitation = await this.getOne(tx, organizationId, id);
      await this.sendMail(tx, organizationId, invitation, token);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'member.invited',
        subjectType: 'invitation',
        subjectId: id,
        after: { email, role: input.role, name },
      });
      return invitation;
    });
  }

  /** A new link and seven more days; the old link stops working. */
  resend(actorId: string, organizationId: string, invitationId: string): Promise<InvitationView> {
    return this.db.transaction(async (tx) => {
      const { token, tokenHash } = newInvitationToken();
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [updated]: [Array<{ id: string }>, number] = await tx.query(
        `UPDATE invitations i SET token_hash = $3, expires_at = ${NEW_EXPIRY}, invited_by = $4
          WHERE i.organization_id = $1 AND i.id = $2 AND ${PENDING}
          RETURNING i.id`,
        [organizationId, invitationId, tokenHash, actorId],
      );
      if (updated.length === 0) throw invitationNotFound();
      const invitation = await this.getOne(tx, organizationId, invitationId);
      await this.sendMail(tx, organizationId, invitation, token);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'invitation.resent',
        subjectType: 'invitation',
        subjectId: invitationId,
        after: { email: invitation.email },
      });
      return invitation;
    });
  }

  revoke(actorId: string, organizationId: string, invitationId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const [revoked]: [Array<{ email: string; role: Role }>, number] = await tx.query(
        `UPDATE invitations i SET revoked_at = now() WHERE i.organization_id = $1 AND i.id = $2 AND ${PENDING} RETURNING i.email, i.role`,
        [organizationId, invitationId],
      );
      const row = revoked[0];
      if (!row) throw invitationNotFound();
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: invitationId,
        before: { email: row.email, role: row.role },
      });
    });
  }

  /**
   * The e-mail already has a pending invitation: when it has expired it is sent anew with this role, as
   * if it were new; while it still works the admin is told so (and can send it again from the list).
   */
  private async renewExpired(
    tx: EntityManager,
    organizationId: string,
    email: string,
    change: { name: string | null; role: Role; actorId: string; tokenHash: string },
  ): Promise<string> {
    const [renewed]: [Array<{ id: string }>, number] = await tx.query(
      `UPDATE invitations i SET name = $3, role = $4, invited_by = $5, token_hash = $6, created_at = now(), expires_at = ${NEW_EXPIRY}
        WHERE i.organization_id = $1 AND i.email = $2 AND ${PENDING} AND i.expires_at <= now()
        RETURNING i.id`,
      [organizationId, email, change.name, change.role, change.actorId, change.tokenHash],
    );
    const id = renewed[0]?.id;
    if (!id) throw new ConflictException({ message: `email: ${email} has already been invited`, code: 'already_invited' });
    return id;
  }

  private async sendMail(tx: EntityManager, organizationId: string, invitation: InvitationView, token: string): Promise<void> {
    const [organization]: Array<{ name: string; default_locale: Locale }> = await tx.query(
      `SELECT name, default_locale FROM organizations WHERE id = $1`,
      [organizationId],
    );
    if (!organization) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
    const mail = invitationMail(organization.default_locale, {
      organization: organization.name,
      inviter: invitation.invitedByName,
      role: invitation.role,
      link: invitationLink(this.config.publicUrl, token),
    });
    await this.mailer.enqueue(tx, { kind: 'invitation', to: invitation.email, subject: mail.subject, text: mail.text });
  }

  private async getOne(manager: EntityManager, organizationId: string, invitationId: string): Promise<InvitationView> {
    const rows: InvitationRow[] = await manager.query(`${INVITATION_SELECT} WHERE i.organization_id = $1 AND i.id = $2`, [
      organizationId,
      invitationId,
    ]);
    const row = rows[0];
    if (!row) throw invitationNotFound();
    return toInvitationView(row);
  }
}
