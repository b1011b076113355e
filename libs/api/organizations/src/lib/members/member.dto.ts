import { ROLES, type Role, type UpdateMemberRequest } from '@kadens/shared/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class UpdateMemberDto implements UpdateMemberRequest {
  @IsIn(ROLES)
  role!: Role;
}

export class MemberParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  userId!: string;
}
