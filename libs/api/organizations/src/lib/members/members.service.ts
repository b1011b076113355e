import { AuditService } from '@kadens/api/audit';
import type { MemberView, Role } from '@kadens/shared/contracts';
import { hasPermission } from '@kadens/shared/rules';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { Organization } from '../organizations/organization.entity';
import { Membership } from './membership.entity';

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

const MEMBER_SELECT = `SELECT m.user_id, u.email, u.name, m.role, m.created_at
                         FROM memberships m JOIN users u ON u.id = m.user_id`;

function toMemberView(row: MemberRow): MemberView {
  return { userId: row.user_id, email: row.email, name: row.name, role: row.role, joinedAt: row.created_at.toISOString() };
}

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string): Promise<MemberView[]> {
    const rows: MemberRow[] = await this.db.query(`${MEMBER_SELECT} WHERE m.organization_id = $1 ORDER BY u.name, u.email`, [
      organizationId,
    ]);
    return rows.map(toMemberView);
  }

  changeRole(actorId: string, organizationId: string, userId: string, role: Role): Promise<MemberView> {
    return this.withOrganizationLocked(actorId, organizationId, async (tx) => {
      const membership = await this.findMembership(tx, organizationId, userId);
      if (membership.role === 'admin' && role !== 'admin') await this.assertNotLastAdmin(tx, organizationId);
      await tx.getRepository(Membership).update({ organizationId, userId }, { role });
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'member.role_changed',
        subjectType: 'member',
        subjectId: userId,
        before: { role: membership.role },
        after: { role },
      });
      return this.getOne(organizationId, userId, tx);
    });
  }

  remove(actorId: string, organizationId: string, userId: string): Promise<void> {
    return this.withOrganizationLocked(actorId, organizationId, async (tx) => {
      const membership = await this.findMembership(tx, organizationId, userId);
      if (membership.role === 'admin') await this.assertNotLastAdmin(tx, organizationId);
      await tx.getRepository(Membership).delete({ organizationId, userId });
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'member.removed',
        subjectType: 'member',
        subjectId: userId,
        before: { role: membership.role },
      });
    });
  }

  /**
   * Role changes serialise per organisation, so two admins demoting each other cannot leave none; and
   * the actor's own role is checked again under the lock, since it may have changed while waiting.
   */
  private withOrganizationLocked<T>(actorId: string, organizationId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx
        .getRepository(Organization)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id = :organizationId', { organizationId })
        .getOne();
      const actor = await tx.getRepository(Membership).findOneBy({ organizationId, userId: actorId });
      if (!actor) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
      if (!hasPermission(actor.role, 'members.manage')) {
        throw new ForbiddenException({ message: `Your role (${actor.role}) does not allow members.manage`, code: 'permission_denied' });
      }
      return work(tx);
    });
  }

  private async findMembership(tx: EntityManager, organizationId: string, userId: string): Promise<Membership> {
    const membership = await tx.getRepository(Membership).findOneBy({ organizationId, userId });
    if (!membership) throw new NotFoundException({ message: 'Member not found', code: 'member_not_found' });
    return membership;
  }

  private async assertNotLastAdmin(tx: EntityManager, organizationId: string): Promise<void> {
    const admins = await tx.getRepository(Membership).countBy({ organizationId, role: 'admin' });
    if (admins <= 1) throw new ConflictException({ message: 'An organisation needs at least one admin', code: 'last_admin' });
  }

  private async getOne(organizationId: string, userId: string, manager: EntityManager): Promise<MemberView> {
    const rows: MemberRow[] = await manager.query(`${MEMBER_SELECT} WHERE m.organization_id = $1 AND m.user_id = $2`, [
      organizationId,
      userId,
    ]);
    const row = rows[0];
    if (!row) throw new NotFoundException({ message: 'Member not found', code: 'member_not_found' });
    return toMemberView(row);
  }
}
