import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `?includeArchived=true|false` on the lists of archivable items (themes, audiences). */
export class ArchivedFilterQuery {
  /** Also list archived items; false by default. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}
