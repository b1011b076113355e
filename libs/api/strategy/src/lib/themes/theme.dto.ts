import type { ThemeInput, ThemeUpdate } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length, Matches, MaxLength } from 'class-validator';

import { OptionalNotNull, Trim } from '@kadens/api/core';

export class CreateThemeDto implements ThemeInput {
  /** Unique in the organisation, whatever the case. */
  @Trim()
  @IsString()
  @Length(1, 80)
  name!: string;

  /** #rrggbb; upper-case hex digits are accepted and stored in lower case. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(/^#[0-9a-f]{6}$/, { message: 'color must be a colour as #rrggbb' })
  color!: string;

  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class UpdateThemeDto extends PartialType(CreateThemeDto, { skipNullProperties: false }) implements ThemeUpdate {
  /** true archives the theme (new posts can no longer pick it; old ones keep it); false brings it back. */
  @OptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}
