import type { ContentTypeInput, ContentTypeUpdate } from '@kadens/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';

export class CreateContentTypeDto implements ContentTypeInput {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 80)
  name!: string;

  /** Posts of this type ask for answers, so service hours apply to them. */
  @IsOptional()
  @IsBoolean()
  invitesDialogue?: boolean;
}

export class UpdateContentTypeDto extends CreateContentTypeDto implements ContentTypeUpdate {
  @IsOptional()
  declare name: string;

  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class ListContentTypesQuery {
  /** Include archived types (default false). */
  @IsOptional()
  @IsIn(['true', 'false'])
  includeArchived?: 'true' | 'false';
}
