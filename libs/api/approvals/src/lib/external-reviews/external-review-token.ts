import { createHash, randomBytes } from 'node:crypto';

/** A fresh link token (256 random bits) and the SHA-256 that is all the database keeps of it. */
export function newExternalReviewToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashExternalReviewToken(token) };
}

export function hashExternalReviewToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The web's public review page, which reads the token from its path. */
export function externalReviewLink(publicUrl: string, token: string): string {
  return `${publicUrl}/external-review/${token}`;
}
