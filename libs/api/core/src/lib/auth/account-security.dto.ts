import {
  type ChangePasswordRequest,
  PASSWORD_POLICY,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
} from '@kadens/shared/contracts';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

import { Trim } from '../http/input-decorators';
import { IsAcceptablePassword } from './password-policy';

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  /**
   * At least 12 characters and not easy to guess (zxcvbn score 3 or more; common passwords, patterns,
   * and your own e-mail address or name are refused).
   */
  @IsAcceptablePassword({ userInputsFrom: [] })
  newPassword!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  /** The account's e-mail address. */
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  /** The token from the link in the mail. */
  @IsString()
  @Length(20, 200)
  token!: string;

  /** The new password; the same rules as when changing it. Checked once the token is known to be good. */
  @IsString()
  @MaxLength(PASSWORD_POLICY.maxLength, { message: PASSWORD_PROBLEM_MESSAGES.too_long })
  password!: string;
}
