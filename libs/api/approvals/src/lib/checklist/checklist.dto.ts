import { OptionalNotNull, Trim } from '@kadens/api/core';
import type { ChecklistItemInput, ChecklistItemUpdate } from '@kadens/shared/contracts';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';

export class CreateChecklistItemDto implements ChecklistItemInput {
  @Trim()
  @IsString()
  @Length(1, 300)
  text!: string;

  /** Approving needs it ticked (default true). */
  @OptionalNotNull()
  @IsBoolean()
  required?: boolean;

  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class UpdateChecklistItemDto implements ChecklistItemUpdate {
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 300)
  text?: string;

  @OptionalNotNull()
  @IsBoolean()
  required?: boolean;

  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @OptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}

export class ListChecklistQuery {
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  includeArchived?: 'true' | 'false';
}
