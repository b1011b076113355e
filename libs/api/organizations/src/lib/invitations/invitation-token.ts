import { INVITATION_VALID_DAYS } from '@kadens/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';

/** A pending invitation: neither accepted, declined nor revoked (it may still have expired). */
export const PENDING = `i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL`;

/** `expires_at` of an invitation sent now. */
export const NEW_EXPIRY = `now() + interval '${INVITATION_VALID_DAYS} days'`;

/** A fresh link token (256 random bits) and the hash that is all the database keeps of it. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where the e-mail's link leads: the web's invitation page, which reads the token. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation?token=${token}`;
}
