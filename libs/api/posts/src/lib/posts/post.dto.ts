import type { PostInput, PostMove, PostTargetInput } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsInstant } from './instant.validator';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'], require_tld: false };
const notNull = (_object: object, value: unknown) => value !== null;

export class PostTargetDto implements PostTargetInput {
  @IsUUID()
  channelId!: string;

  /** This channel's own text; null or absent uses the post's body. */
  @IsOptional()
  @ValidateIf(notNull)
  @IsString()
  @MaxLength(100_000)
  textVariant?: string | null;
}

export class CreatePostDto implements PostInput {
  /** Internal title, shown on the calendar; never published. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsString()
  @MaxLength(100_000)
  body!: string;

  @IsOptional()
  @ValidateIf(notNull)
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  link?: string | null;

  /** Public image or video URLs. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  mediaUrls?: string[];

  @IsUUID()
  contentTypeId!: string;

  @IsUUID()
  themeId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  audienceIds?: string[];

  @IsOptional()
  @ValidateIf(notNull)
  @IsUUID()
  initiativeId?: string | null;

  /** When it goes out; null keeps it as an unscheduled idea. */
  @IsOptional()
  @ValidateIf(notNull)
  @IsInstant()
  plannedAt?: string | null;

  /** The post asks for answers (a question, a poll, a call for comments). */
  @IsOptional()
  @IsBoolean()
  invitesDialogue?: boolean;

  /** One per channel, each channel at most once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PostTargetDto)
  targets!: PostTargetDto[];
}

export class UpdatePostDto extends PartialType(CreatePostDto) {}

export class MovePostDto implements PostMove {
  @IsInstant()
  plannedAt!: string;
}
