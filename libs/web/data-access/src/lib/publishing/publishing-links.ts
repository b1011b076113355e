import { ATTENTION_REASONS, type AttentionReason, type OrganizationId } from '@kadens/shared/contracts';

import { APP_PATHS } from '../app-paths';

/** The query parameter that filters the needs-attention list by reason (`?reason=held`). */
export const ATTENTION_REASON_PARAM = 'reason';

/** bull-board's queue dashboard (admins); served by the API outside the web app, so a plain link. */
export const QUEUE_DASHBOARD_URL = '/admin/queues';

/** The operators' page of which platforms this installation can sign in with, `/o/:organizationId/settings/platforms`. */
export function platformSettingsLink(organizationId: OrganizationId): string[] {
  return ['/', APP_PATHS.organization, organizationId, APP_PATHS.settings, 'platforms'];
}

/** The needs-attention list, `/o/:organizationId/publishing`. */
export function attentionLink(organizationId: OrganizationId): string[] {
  return ['/', APP_PATHS.organization, organizationId, APP_PATHS.publishing];
}

/** Query params for the list filtered by one reason; the held list is `attentionQuery('held')`. */
export function attentionQuery(reason: AttentionReason | null): Record<string, string> {
  return reason ? { [ATTENTION_REASON_PARAM]: reason } : {};
}

/** The reason in the URL, or null for every reason. */
export function readAttentionReason(value: string | null | undefined): AttentionReason | null {
  return (ATTENTION_REASONS as readonly string[]).includes(value ?? '') ? (value as AttentionReason) : null;
}
