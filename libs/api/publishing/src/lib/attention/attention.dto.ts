import { IsInstant, OptionalNullable, Trim } from '@kadens/api/core';
import type { MarkPublishedRequest, RescheduleTargetRequest } from '@kadens/shared/contracts';
import { IsString, IsUrl, IsUUID, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';

/** Route params of `/organizations/:organizationId/publishing/targets/:targetId/...`. */
export class TargetParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  targetId!: string;
}

/** Route params of `/organizations/:organizationId/posts/:postId/deliveries`. */
export class PostDeliveriesParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  postId!: string;
}

export class MarkPublishedDto implements MarkPublishedRequest {
  /** Where the post can be seen (http or https), when the person knows. */
  @OptionalNullable()
  @Trim()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'url must be an http or https URL' })
  @MaxLength(2048)
  url?: string | null;

  /** How the person knows it is out there (e.g. "checked the page, it went out at 09:02"); kept with the attempt. */
  @OptionalNullable()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

/** A valid instant that is later than now, by the server's clock. */
function IsFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFuture',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Date.parse(value) > Date.now(),
        defaultMessage: () => 'at must be in the future',
      },
    },
    options,
  );
}

export class RescheduleTargetDto implements RescheduleTargetRequest {
  /** The new earliest time for this channel, with an offset; must be in the future and not before the post's planned time. */
  @IsInstant()
  @IsFuture()
  at!: string;
}
