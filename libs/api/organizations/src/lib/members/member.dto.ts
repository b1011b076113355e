import { type AddMemberRequest, PASSWORD_MIN_LENGTH, ROLES, type Role, type UpdateMemberRequest } from '@kadens/shared/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddMemberDto implements AddMemberRequest {
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Only when the e-mail has no account yet: the first password, which the admin passes on. */
  @IsOptional()
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
