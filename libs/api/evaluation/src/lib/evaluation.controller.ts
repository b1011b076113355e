import { AuditService } from '@kadens/api/audit';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { Evaluation, EvaluationDigestPreference } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { EvaluationQueryDto, MailPreferenceDto, PublicPromisesKeptSettingDto } from './evaluation.dto';
import { EvaluationService } from './evaluation.service';

@ApiTags('reports')
@Controller('organizations/:organizationId')
export class EvaluationController {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * The evaluation of a month or quarter in the organisation's zone: promises kept per channel,
   * publishing on time, sign-off lead times, the audiences' effect goals and the initiatives' hours.
   */
  @Get('reports/evaluation')
  @RequirePermission('reports.read')
  @ApiOkResponse({ description: 'The Evaluation (see @kadens/shared/contracts).' })
  @ApiBadRequestResponse({ description: '`period` is not a month (2026-11) or a quarter (2026-Q4).' })
  get(@Param('organizationId') organizationId: string, @Query() query: EvaluationQueryDto): Promise<Evaluation> {
    return this.evaluation.evaluate(organizationId, query.period);
  }

  /** Whether I receive the monthly evaluation by e-mail in this organisation (admins receive it; on unless turned off). */
  @Get('evaluation/mail-preference')
  @RequirePermission('reports.read')
  @ApiOkResponse({ description: '{ monthlyEvaluation: boolean }' })
  async mailPreference(
    @Param('organizationId') organizationId: string,
    @CurrentMember() member: CurrentMemberValue,
  ): Promise<EvaluationDigestPreference> {
    const [row]: Array<{ monthly_evaluation_mail: boolean }> = await this.db.query(
      `SELECT monthly_evaluation_mail FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, member.user.id],
    );
    return { monthlyEvaluation: row?.monthly_evaluation_mail ?? true };
  }

  @Put('evaluation/mail-preference')
  @RequirePermission('reports.read')
  @ApiOkResponse({ description: '{ monthlyEvaluation: boolean }' })
  async setMailPreference(
    @Param('organizationId') organizationId: string,
    @CurrentMember() member: CurrentMemberValue,
    @Body() body: MailPreferenceDto,
  ): Promise<EvaluationDigestPreference> {
    await this.db.query(`UPDATE memberships SET monthly_evaluation_mail = $3 WHERE organization_id = $1 AND user_id = $2`, [
      organizationId,
      member.user.id,
      body.monthlyEvaluation,
    ]);
    return { monthlyEvaluation: body.monthlyEvaluation };
  }

  /** Whether the public availability page shows "promises kept" (the share of the last 12 weeks with the cadence kept). */
  @Get('evaluation/public-promises-kept')
  @RequirePermission('reports.read')
  @ApiOkResponse({ description: '{ show: boolean }' })
  async publicSetting(@Param('organizationId') organizationId: string): Promise<{ show: boolean }> {
    const [row]: Array<{ public_promises_kept: boolean }> = await this.db.query(
      `SELECT public_promises_kept FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return { show: row?.public_promises_kept ?? false };
  }

  @Put('evaluation/public-promises-kept')
  @RequirePermission('organization.update')
  @ApiOkResponse({ description: '{ show: boolean }' })
  async setPublicSetting(
    @Param('organizationId') organizationId: string,
    @CurrentMember() member: CurrentMemberValue,
    @Body() body: PublicPromisesKeptSettingDto,
  ): Promise<{ show: boolean }> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE organizations SET public_promises_kept = $2, updated_at = now() WHERE id = $1`, [organizationId, body.show]);
      await this.audit.record(tx, {
        organizationId,
        actorId: member.user.id,
        action: 'organization.public_promises_kept_changed',
        subjectType: 'organization',
        subjectId: organizationId,
        after: { show: body.show },
      });
    });
    return { show: body.show };
  }
}
