import { APP_CONFIG, type AppConfig, type AuthUser, CurrentUser, installationRights, toUserView, UsersService } from '@kadens/api/core';
import type { Locale, MembershipView, MeView, Role } from '@kadens/shared/contracts';
import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { UpdateMeDto } from './me.dto';

interface MembershipRow {
  organization_id: string;
  name: string;
  slug: string;
  default_locale: Locale;
  role: Role;
}

@ApiTags('me')
@ApiUnauthorizedResponse({ description: 'Not logged in.' })
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Who you are, the organisations you belong to (oldest membership first), and what the installation
   * lets you do: `installation.operator` (OPERATOR_EMAILS), `installation.mayCreateOrganizations`.
   */
  @Get()
  async get(@CurrentUser() user: AuthUser): Promise<MeView> {
    return { user: toUserView(user), memberships: await this.memberships(user.id), installation: installationRights(this.config, user.email) };
  }

  /** Your name and language. */
  @Patch()
  async update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<MeView> {
    const updated = await this.users.update(user.id, body);
    return { user: toUserView(updated), memberships: await this.memberships(user.id), installation: installationRights(this.config, updated.email) };
  }

  private async memberships(userId: string): Promise<MembershipView[]> {
    const rows: MembershipRow[] = await this.db.query(
      `SELECT m.organization_id, o.name, o.slug, o.default_locale, m.role
         FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY m.created_at, o.name`,
      [userId],
    );
    return rows.map((row) => ({
      organizationId: row.organization_id,
      organizationName: row.name,
      organizationSlug: row.slug,
      organizationLocale: row.default_locale,
      role: row.role,
    }));
  }
}
