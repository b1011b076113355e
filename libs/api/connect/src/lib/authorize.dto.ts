import { OptionalNotNull } from '@kadens/api/core';
import { IsString, MaxLength } from 'class-validator';

export class AuthorizeConnectionDto {
  /** Mastodon only: the instance the account lives on, e.g. `https://mastodon.social` (a bare host name means https). */
  @OptionalNotNull()
  @IsString()
  @MaxLength(2048)
  instanceUrl?: string;

  /** WordPress only: the site's address, e.g. `https://www.example.org` (a site in a folder keeps it: `https://example.org/blog`). */
  @OptionalNotNull()
  @IsString()
  @MaxLength(2048)
  siteUrl?: string;
}

export interface AuthorizeConnectionResponse {
  /** Send the browser here: the platform's consent page. */
  authorizeUrl: string;
}
