import { Trim } from '@kadens/api/core';
import {
  EXTERNAL_REVIEW_DECISIONS,
  type ExternalReviewDecision,
  type ExternalReviewDecisionRequest,
  type ExternalReviewRequest,
} from '@kadens/shared/contracts';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

export class AskExternalReviewDto implements ExternalReviewRequest {
  /** The outside person's name, as the mail and the review screen show it. */
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  /** Where the link is mailed. */
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}

export class ExternalReviewDecisionDto implements ExternalReviewDecisionRequest {
  @IsIn(EXTERNAL_REVIEW_DECISIONS)
  decision!: ExternalReviewDecision;

  /** What should change; required when requesting changes. */
  @ValidateIf((body: ExternalReviewDecisionDto) => body.decision === 'request_changes' || body.comment !== undefined)
  @Trim()
  @IsString()
  @Length(1, 4000, { message: 'comment must say what should change (1–4000 characters)' })
  comment?: string;
}

export class ExternalReviewItemParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  id!: string;

  @IsUUID()
  reviewId!: string;
}

/** The link's token: 32 random bytes in base64url (43 characters). Anything else is simply unknown (404). */
export class ExternalReviewTokenParams {
  @IsString()
  @MaxLength(200)
  token!: string;
}
