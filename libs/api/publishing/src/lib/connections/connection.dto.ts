import { OptionalNotNull, OptionalNullable } from '@kadens/api/core';
import { CONNECTION_BASE_URL_MAX_LENGTH, type SaveChannelConnectionRequest } from '@kadens/shared/contracts';
import { IsObject, IsString, MaxLength } from 'class-validator';

/**
 * A channel's connection. Which credentials and settings a platform takes is `CONNECTION_FIELDS` in
 * the shared contracts (e.g. Mastodon: address, credential `accessToken`, settings `visibility`,
 * `language`, `maxCharacters`); any other name is refused, naming the field (`credentials.token`).
 */
export class SaveChannelConnectionDto implements SaveChannelConnectionRequest {
  /**
   * The platform's address, http or https: the instance, site or webhook URL where the platform
   * lives on your own server (required there); elsewhere it replaces the public API address. Left
   * out it stays as stored; null or empty clears it.
   */
  @OptionalNullable()
  @IsString()
  @MaxLength(CONNECTION_BASE_URL_MAX_LENGTH)
  baseUrl?: string | null;

  /** The non-secret settings (page id, author URN, visibility…). Given, they replace the stored ones; left out, they stay. */
  @OptionalNotNull()
  @IsObject()
  settings?: Record<string, string | number | boolean>;

  /**
   * The secrets (access token, app password…), stored encrypted and never shown again. A credential
   * left out keeps its stored value, so only a changed one needs sending; the first save needs all.
   */
  @OptionalNotNull()
  @IsObject()
  credentials?: Record<string, string>;
}
