import { IsAcceptablePassword, OptionalNullable, Trim } from '@kadens/api/core';
import {
  type AcceptInvitationRequest,
  type InvitationTokenRequest,
  type InviteMemberRequest,
  ROLES,
  type Role,
} from '@kadens/shared/contracts';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class InviteMemberDto implements InviteMemberRequest {
  /** Where the invitation goes (case does not matter). */
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** The role the person gets when they accept. */
  @IsIn(ROLES)
  role!: Role;

  /** What to call them, if they have no account yet; they can change it when they accept. */
  @OptionalNullable()
  @Trim()
  @IsString()
  @Length(1, 120)
  name?: string | null;
}

export class InvitationTokenDto implements InvitationTokenRequest {
  /** The token from the invitation link. */
  @IsString()
  @Length(1, 200)
  token!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  /** The token from the invitation link. */
  @IsString()
  @Length(1, 200)
  token!: string;

  /** The name others in Kadens will see. */
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  /** The new account's password; it must pass the installation's password policy. */
  @IsString()
  @IsAcceptablePassword({ userInputsFrom: ['name'] })
  password!: string;
}

/** `/organizations/:organizationId/invitations/:invitationId`. */
export class InvitationParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  invitationId!: string;
}

/** `/me/invitations/:invitationId`. */
export class MyInvitationParams {
  @IsUUID()
  invitationId!: string;
}
