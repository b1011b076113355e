import type { LoginRequest } from '@kadens/shared/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import { Trim } from '../http/input-decorators';

export class LoginDto implements LoginRequest {
  /** The account's e-mail address (case does not matter). */
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
