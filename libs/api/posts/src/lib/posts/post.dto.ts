import type { PostInput, PostMove, PostTargetInput, RuleOverrideInput } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { IsInstant, OptionalNotNull, OptionalNullable, Trim } from '@kadens/api/core';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'], require_tld: false };

export class PostTargetDto implements PostTargetInput {
  @IsUUID()
  channelId!: string;

  /** This channel's own text; null or absent uses the post's body. */
  @OptionalNullable()
  @IsString()
  @MaxLength(100_000)
  textVariant?: string | null;
}

export class RuleOverrideDto implements RuleOverrideInput {
  /** Why the post may break its channels' blocking rules; kept on the post and in the audit log. */
  @Trim()
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class CreatePostDto implements PostInput {
  /** Internal title, shown on the calendar; never published. */
  @Trim()
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsString()
  @MaxLength(100_000)
  body!: string;

  @OptionalNullable()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  link?: string | null;

  /** Public image or video URLs. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  mediaUrls?: string[];

  /** Media of the organisation's library (`POST …/media`), in the order the post shows them. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  mediaIds?: string[];

  @IsUUID()
  contentTypeId!: string;

  @IsUUID()
  themeId!: string;

  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  audienceIds?: string[];

  @OptionalNullable()
  @IsUUID()
  initiativeId?: string | null;

  /** When it goes out; null keeps it as an unscheduled idea. */
  @OptionalNullable()
  @IsInstant()
  plannedAt?: string | null;

  /** The post asks for answers (a question, a poll, a call for comments). */
  @OptionalNotNull()
  @IsBoolean()
  invitesDialogue?: boolean;

  /** An answer to criticism or a crisis message: an admin must approve it too. */
  @OptionalNotNull()
  @IsBoolean()
  sensitive?: boolean;

  /** One per channel, each channel at most once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PostTargetDto)
  targets!: PostTargetDto[];

  /** Approvers and admins: publish despite blocking rules, with a reason. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => RuleOverrideDto)
  ruleOverride?: RuleOverrideDto;
}

/** Every field optional, but null only where the field allows it (link, initiativeId, plannedAt, textVariant). */
export class UpdatePostDto extends PartialType(CreatePostDto, { skipNullProperties: false }) {}

export class MovePostDto implements PostMove {
  @IsInstant()
  plannedAt!: string;

  /** Approvers and admins: move despite blocking rules, with a reason. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => RuleOverrideDto)
  ruleOverride?: RuleOverrideDto;
}
