import { IsInstant, OptionalNotNull, OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { AuditEventView } from '@kadens/shared/contracts';
import { Controller, Get, Injectable, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';

export class AuditQueryDto {
  @OptionalNotNull()
  @IsIn(['post', 'member', 'organization', 'channel', 'checklist_item'])
  subjectType?: string;

  @OptionalNotNull()
  @IsUUID()
  subjectId?: string;

  /** Page backwards: events before this instant. */
  @OptionalNotNull()
  @IsInstant()
  before?: string;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Reads the append-only audit log; there is no way to change it through the API. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async events(
    organizationId: string,
    filter: { subjectType?: string; subjectId?: string; before?: string; limit?: number },
  ): Promise<AuditEventView[]> {
    const rows: Array<{
      id: string;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      subject_type: string;
      subject_id: string | null;
      before: unknown;
      after: unknown;
      reason: string | null;
      created_at: Date;
    }> = await this.db.query(
      `SELECT e.id::text, e.actor_id, u.name AS actor_name, e.action, e.subject_type, e.subject_id, e.before, e.after, e.reason, e.created_at
           FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.organization_id = $1 AND ($2::text IS NULL OR e.subject_type = $2) AND ($3::uuid IS NULL OR e.subject_id = $3)
            AND ($4::timestamptz IS NULL OR e.created_at < $4)
          ORDER BY e.created_at DESC, e.id DESC LIMIT $5`,
      [organizationId, filter.subjectType ?? null, filter.subjectId ?? null, filter.before ?? null, filter.limit ?? 50],
    );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      before: r.before,
      after: r.after,
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

@ApiTags('audit')
@Controller('organizations/:organizationId')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  /** The organisation's audit log, newest first (admins). */
  @Get('audit')
  @RequirePermission('audit.read')
  organization(@Param('organizationId') organizationId: string, @Query() query: AuditQueryDto): Promise<AuditEventView[]> {
    return this.history.events(organizationId, query);
  }

  /** One post's history: every state change, decision, override and comment, newest first. */
  @Get('posts/:id/history')
  @RequirePermission('posts.read')
  post(@Param() params: OrganizationItemParams): Promise<AuditEventView[]> {
    return this.history.events(params.organizationId, { subjectType: 'post', subjectId: params.id, limit: 200 });
  }
}
