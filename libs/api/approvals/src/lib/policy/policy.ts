import { AuditService } from '@kadens/api/audit';
import { OptionalNotNull, OptionalNullable, OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import { organizationPolicy } from '@kadens/api/posts';
import type { ApprovalPolicyUpdate, ApprovalPolicyView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Injectable, NotFoundException, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsIn } from 'class-validator';
import type { DataSource } from 'typeorm';

export class UpdatePolicyDto implements ApprovalPolicyUpdate {
  /** 1–3 approvals before a post may be published. */
  @OptionalNotNull()
  @IsIn([1, 2, 3])
  approvalsRequired?: 1 | 2 | 3;

  /** One of the approvals must be an admin's (always so for sensitive posts). */
  @OptionalNotNull()
  @IsBoolean()
  adminApprovalRequired?: boolean;
}

export class UpdateChannelPolicyDto {
  /** Stricter than the organisation for this channel; null follows the organisation. */
  @OptionalNullable()
  @IsIn([1, 2, 3])
  approvalsRequired?: 1 | 2 | 3 | null;

  @OptionalNotNull()
  @IsBoolean()
  adminApprovalRequired?: boolean;
}

@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(organizationId: string): Promise<ApprovalPolicyView> {
    return organizationPolicy(this.db.manager, organizationId);
  }

  update(organizationId: string, actorId: string, input: UpdatePolicyDto): Promise<ApprovalPolicyView> {
    return this.db.transaction(async (tx) => {
      const before = await organizationPolicy(tx, organizationId);
      await tx.query(
        `UPDATE organizations SET approvals_required = COALESCE($2, approvals_required), admin_approval_required = COALESCE($3, admin_approval_required) WHERE id = $1`,
        [organizationId, input.approvalsRequired ?? null, input.adminApprovalRequired ?? null],
      );
      const after = await organizationPolicy(tx, organizationId);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'organization.approval_policy_changed',
        subjectType: 'organization',
        subjectId: organizationId,
        before,
        after,
      });
      return after;
    });
  }

  updateChannel(
    organizationId: string,
    channelId: string,
    actorId: string,
    input: UpdateChannelPolicyDto,
  ): Promise<{ approvalsRequired: number | null; adminApprovalRequired: boolean }> {
    return this.db.transaction(async (tx) => {
      const [[row]]: [Array<{ approvals_required: number | null; admin_approval_required: boolean }>] = await tx.query(
        `UPDATE channels SET approvals_required = CASE WHEN $3 THEN $4 ELSE approvals_required END, admin_approval_required = COALESCE($5, admin_approval_required)
          WHERE organization_id = $1 AND id = $2 RETURNING approvals_required, admin_approval_required`,
        [
          organizationId,
          channelId,
          input.approvalsRequired !== undefined,
          input.approvalsRequired ?? null,
          input.adminApprovalRequired ?? null,
        ],
      );
      if (!row) throw new NotFoundException({ message: 'Channel not found', code: 'channel_not_found' });
      const after = { approvalsRequired: row.approvals_required, adminApprovalRequired: row.admin_approval_required };
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'channel.approval_policy_changed',
        subjectType: 'channel',
        subjectId: channelId,
        after,
      });
      return after;
    });
  }
}

@ApiTags('approvals')
@Controller('organizations/:organizationId')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get('approval-policy')
  @RequirePermission('organization.read')
  get(@Param('organizationId') organizationId: string): Promise<ApprovalPolicyView> {
    return this.policy.get(organizationId);
  }

  @Patch('approval-policy')
  @RequirePermission('organization.update')
  update(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: UpdatePolicyDto,
  ): Promise<ApprovalPolicyView> {
    return this.policy.update(organizationId, member.user.id, body);
  }

  /** A channel may ask for more sign-off than the organisation, never less. */
  @Patch('channels/:id/approval-policy')
  @RequirePermission('organization.update')
  updateChannel(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: UpdateChannelPolicyDto,
  ) {
    return this.policy.updateChannel(params.organizationId, params.id, member.user.id, body);
  }
}
