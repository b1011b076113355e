import { type AuthUser, CurrentUser, toUserView, UsersService } from '@kadens/api/core';
import type { Locale, MembershipView, Role, SessionView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Patch } from '@nestjs/common';
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
  ) {}

  /** Who you are and the organisations you belong to, oldest membership first. */
  @Get()
  async get(@CurrentUser() user: AuthUser): Promise<SessionView> {
    return { user: toUserView(user), memberships: await this.memberships(user.id) };
  }

  /** Your name and language. */
  @Patch()
  async update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<SessionView> {
    const updated = await this.users.update(user.id, body);
    return { user: toUserView(updated), memberships: await this.memberships(user.id) };
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
