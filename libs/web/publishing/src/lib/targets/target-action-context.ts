import type { AttentionAction, OrganizationId, TargetState } from '@kadens/shared/contracts';

/** What the actions and their dialogs need to know about one target, and to name it for people. */
export interface TargetActionContext {
  organizationId: OrganizationId;
  targetId: string;
  postTitle: string;
  channelName: string;
  state: TargetState;
  plannedAt: string | null;
  /** The organisation's IANA zone; null until known. */
  timeZone: string | null;
}

/** An action that worked: what to tell the reader. */
export interface TargetActionSuccess {
  action: AttentionAction;
  /** For a reschedule: the new time, ISO. */
  at?: string;
}
