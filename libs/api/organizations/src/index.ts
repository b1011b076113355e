export * from './lib/access/organization-access.guard';
export * from './lib/access/require-permission.decorator';
export * from './lib/demo/demo-seeder';
export * from './lib/members/membership.entity';
export * from './lib/organizations/organization.entity';
export * from './lib/organizations/organizations.service';
export * from './lib/organizations.module';
export * from './lib/access/current-member.decorator';
