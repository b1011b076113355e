import type { ContentTypeInput, ContentTypeUpdate } from '@kadens/shared/contracts';
import { OptionalNotNull, Trim } from '@kadens/api/core';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';

export class CreateContentTypeDto implements ContentTypeInput {
  @Trim()
  @IsString()
  @Length(1, 80)
  name!: string;

  /** Posts of this type ask for answers, so service hours apply to them. */
  @OptionalNotNull()
  @IsBoolean()
  invitesDialogue?: boolean;
}

export class UpdateContentTypeDto extends CreateContentTypeDto implements ContentTypeUpdate {
  @OptionalNotNull()
  declare name: string;

  @OptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}

export class ListContentTypesQuery {
  /** Include archived types (default false). */
  @IsOptional()
  @IsIn(['true', 'false'])
  includeArchived?: 'true' | 'false';
}
