import { IsUUID } from 'class-validator';

/** Route params of `/organizations/:organizationId/<things>/:id`; a malformed id is a 400 naming it. */
export class OrganizationItemParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  id!: string;
}
