import { OptionalNotNull } from '@kadens/api/core';
import type { MediaKind, MediaUpdate } from '@kadens/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

import { MAX_ALT_TEXT } from './upload/receive-upload';

export class MediaQueryDto {
  /** Words in the alt text or the file name. */
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  q?: string;

  @OptionalNotNull()
  @IsIn(['image', 'video'])
  kind?: MediaKind;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class MediaContentQueryDto {
  /** `thumbnail`: the small WebP preview (images only). */
  @OptionalNotNull()
  @IsIn(['original', 'thumbnail'])
  variant?: 'original' | 'thumbnail';
}

export class UpdateMediaDto implements MediaUpdate {
  /** The text alternative read by screen readers and sent to every platform; '' clears it. */
  @IsString()
  @MaxLength(MAX_ALT_TEXT)
  altText!: string;
}
