import { type AddMemberRequest, PASSWORD_MIN_LENGTH, ROLES, type Role, type UpdateMemberRequest } from '@kadens/shared/contracts';
import { OptionalNotNull, Trim } from '@kadens/api/core';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class AddMemberDto implements AddMemberRequest {
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Only when the e-mail has no account yet: the first password, which the admin passes on. */
  @OptionalNotNull()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200)
  initialPassword?: string;
}

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
