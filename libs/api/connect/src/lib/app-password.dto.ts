import { OptionalNotNull } from '@kadens/api/core';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Bluesky: the handle (or e-mail) and an app password made under Settings → Privacy and security → App passwords. */
export class AppPasswordSignInDto {
  @IsString()
  @MinLength(1)
  @MaxLength(253)
  identifier!: string;

  /** Used once to open a session; never stored. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  appPassword!: string;

  /** The account's PDS when it is not on bsky.social, e.g. `https://pds.example.org`. */
  @OptionalNotNull()
  @IsString()
  @MaxLength(2048)
  pdsUrl?: string;
}
