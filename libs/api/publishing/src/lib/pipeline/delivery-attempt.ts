import type { PlatformRegistry, PublishResult } from '@kadens/api/platforms';
import type { AttemptOutcome } from '@kadens/shared/contracts';
import type { Settlement } from '@kadens/shared/rules';

/**
 * What passes between the publisher's steps: the claim hands a `Claimed` attempt to the platform call,
 * which hands an `Outcome` to the settlement. The steps never call each other; Publisher passes these on.
 */

/** The attempt a settlement writes to, and what it needs to update the channel's connection. */
export interface AttemptRef {
  attemptId: string;
  channelId: string;
  /** The connection's status when the attempt was claimed: a connected channel needs no update. */
  connectionStatus: string | null;
}

/** A target claimed for publishing (now `publishing`, its attempt recorded): everything the platform call needs. */
export interface Claimed extends AttemptRef {
  attempt: number;
  /** This attempt's number since a person last sent the target again: what the retry policy counts. */
  automaticAttempt: number;
  organizationId: string;
  platform: Parameters<PlatformRegistry['adapterFor']>[0];
  firstAttemptAt: number;
  plannedAt: Date | null;
  request: Parameters<ReturnType<PlatformRegistry['adapterFor']>['publish']>[0];
}

export interface SettledFailure {
  outcome: AttemptOutcome;
  status: number | null;
  code: string | null;
  message: string;
  settlement: Settlement;
}

/** What one attempt ended with: the platform's post, or a failure with its settlement. */
export type Outcome = { targetId: string; attempt: AttemptRef } & (
  { result: PublishResult; failure?: undefined } | { failure: SettledFailure; result?: undefined }
);
