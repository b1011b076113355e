/**
 * A post's workflow state (is it signed off?) and each channel target's delivery state (did it go
 * out?) are separate on purpose: one approved post can be published on one channel and failed on
 * another, and an edit sends the post back to review without touching what is already published.
 */
export const POST_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'cancelled'] as const;
export type PostState = (typeof POST_STATES)[number];

/**
 * pending: not yet due for delivery (not approved, or waiting for a time); held: paused by an
 * organisation or channel pause; expired: its time came before it was approved; unconfirmed: the
 * outcome of a publish call is unknown and a person must check — never retried automatically.
 */
export const TARGET_STATES = [
  'pending',
  'scheduled',
  'queued',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'held',
  'expired',
] as const;
export type TargetState = (typeof TARGET_STATES)[number];
