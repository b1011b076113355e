import {
  APP_CONFIG,
  type AppConfig,
  type AuthUser,
  CurrentUser,
  installationRights,
  Public,
  SESSION_COOKIE,
  SessionService,
  toUserView,
  UsersService,
} from '@kadens/api/core';
import {
  type Locale,
  type MediaLimits,
  type MembershipView,
  type MeView,
  type NoSessionView,
  type Role,
  SESSION_CHECK_HEADER,
} from '@kadens/shared/contracts';
import { Body, Controller, Get, Headers, Inject, Patch, Req, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
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
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Who you are, the organisations you belong to (oldest membership first), and what the installation
   * lets you do: `installation.operator` (OPERATOR_EMAILS), `installation.mayCreateOrganizations`; and
   * `mediaLimits`, the largest image and video the media library takes.
   */
  @Get()
  @Public()
  @ApiHeader({
    name: SESSION_CHECK_HEADER,
    required: false,
    description: '`optional`: without a session, answer 200 `{authenticated: false}` instead of 401.',
  })
  async get(@Req() request: Request, @Headers(SESSION_CHECK_HEADER) check?: string): Promise<MeView | NoSessionView> {
    // Public so that the session check can answer without a 401; otherwise it refuses exactly as the guard does.
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token.length > 0 ? await this.sessions.resolve(token) : null;
    if (!session) {
      if (check === 'optional') return { authenticated: false };
      throw new UnauthorizedException({ message: 'Log in first', code: 'not_authenticated' });
    }
    const user = session.user;
    return {
      user: toUserView(user),
      memberships: await this.memberships(user.id),
      installation: installationRights(this.config, user.email),
      mediaLimits: this.mediaLimits(),
    };
  }

  /** Your name and language. */
  @Patch()
  async update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<MeView> {
    const updated = await this.users.update(user.id, body);
    return {
      user: toUserView(updated),
      memberships: await this.memberships(user.id),
      installation: installationRights(this.config, updated.email),
      mediaLimits: this.mediaLimits(),
    };
  }

  private mediaLimits(): MediaLimits {
    return { maxImageBytes: this.config.media.maxImageBytes, maxVideoBytes: this.config.media.maxVideoBytes };
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
