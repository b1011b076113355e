import { AuditModule } from '@kadens/api/audit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrganizationAccessGuard } from './access/organization-access.guard';
import { DemoSeeder } from './demo/demo-seeder';
import { MeController } from './me/me.controller';
import { MembersController } from './members/members.controller';
import { Membership } from './members/membership.entity';
import { MembersService } from './members/members.service';
import { OrganizationsController } from './organizations/organizations.controller';
import { Organization } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, Membership]), AuditModule],
  controllers: [MeController, OrganizationsController, MembersController],
  providers: [OrganizationsService, MembersService, OrganizationAccessGuard, DemoSeeder],
  exports: [OrganizationsService, OrganizationAccessGuard, TypeOrmModule],
})
export class OrganizationsModule {}
