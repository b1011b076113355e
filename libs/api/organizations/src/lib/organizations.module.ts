import { AuditModule } from '@kadens/api/audit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrganizationAccessGuard } from './access/organization-access.guard';
import { DemoSeeder } from './demo/demo-seeder';
import { InvitationAcceptanceService } from './invitations/invitation-acceptance.service';
import { InvitationThrottlerGuard } from './invitations/invitation-throttler.guard';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { MyInvitationsController } from './invitations/my-invitations.controller';
import { PublicInvitationsController } from './invitations/public-invitations.controller';
import { MeController } from './me/me.controller';
import { MembersController } from './members/members.controller';
import { Membership } from './members/membership.entity';
import { MembersService } from './members/members.service';
import { OrganizationsController } from './organizations/organizations.controller';
import { Organization } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, Membership]), AuditModule],
  controllers: [
    MeController,
    OrganizationsController,
    MembersController,
    InvitationsController,
    MyInvitationsController,
    PublicInvitationsController,
  ],
  providers: [
    OrganizationsService,
    MembersService,
    InvitationsService,
    InvitationAcceptanceService,
    InvitationThrottlerGuard,
    OrganizationAccessGuard,
    DemoSeeder,
  ],
  exports: [OrganizationsService, OrganizationAccessGuard, TypeOrmModule],
})
export class OrganizationsModule {}
