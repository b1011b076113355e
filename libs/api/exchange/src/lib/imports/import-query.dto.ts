import { IsIn, IsOptional } from 'class-validator';

export class ImportQueryDto {
  /** `true` (the default): the preview only, nothing stored; `false`: import the valid rows. */
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
