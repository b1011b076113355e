import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AuditEventInput {
  organizationId: string;
  /** null for the system (the scheduler, an expiry). */
  actorId: string | null;
  /** What happened, as `subject.verb`: e.g. `post.rules_overridden`, `member.role_changed`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends to the audit log inside the caller's transaction, so an event exists exactly when the change
 * it describes was committed. There is no update or delete: the table refuses them.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, subject_type, subject_id, before, after, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.organizationId,
        event.actorId,
        event.action,
        event.subjectType,
        event.subjectId,
        event.before === undefined ? null : JSON.stringify(event.before),
        event.after === undefined ? null : JSON.stringify(event.after),
        event.reason ?? null,
      ],
    );
  }
}
