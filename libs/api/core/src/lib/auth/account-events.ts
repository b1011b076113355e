import type { EntityManager } from 'typeorm';

import type { ClientContext } from './client-context';

/** What happened to an account's password and sessions; kept in `account_events`, newest first per person. */
export type AccountEventKind =
  'password_changed' | 'password_reset_requested' | 'password_reset' | 'logged_out_everywhere' | 'session_ended';

export async function recordAccountEvent(
  manager: EntityManager,
  userId: string,
  kind: AccountEventKind,
  client: ClientContext,
): Promise<void> {
  await manager.query(`INSERT INTO account_events (user_id, kind, address, user_agent) VALUES ($1, $2, $3, $4)`, [
    userId,
    kind,
    client.address,
    client.userAgent,
  ]);
}
