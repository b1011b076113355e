import { IsInstant, OptionalNotNull } from '@kadens/api/core';
import type { PlanCheckInput, PlanCheckView, Violation } from '@kadens/shared/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsUUID } from 'class-validator';

/** The planned values of a post being written or edited, to check before saving. */
export class PlanCheckDto implements PlanCheckInput {
  /** When the post would go out, ISO 8601 with offset. */
  @IsInstant()
  plannedAt!: string;

  /** The channels it would go to. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  channelIds!: string[];

  /** The post's own dialogue flag. */
  @IsBoolean()
  invitesDialogue!: boolean;

  /** Its content type (a question/poll invites dialogue too); absent: the edited post's own, or none. */
  @OptionalNotNull()
  @IsUUID()
  contentTypeId?: string;

  /** The post being edited. */
  @OptionalNotNull()
  @IsUUID()
  postId?: string;
}

export class PlanCheckViewDto implements PlanCheckView {
  /** The blocking violations a save would refuse with (code rule_violations); empty when it would pass. */
  violations!: Violation[];
}
