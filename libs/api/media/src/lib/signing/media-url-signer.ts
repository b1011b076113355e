import { createHmac, timingSafeEqual } from 'node:crypto';

import type { EntityManager } from 'typeorm';

export type MediaVariant = 'original' | 'thumbnail';

export interface SignedMediaClaim {
  mediaId: string;
  variant: MediaVariant;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const VARIANT_CODE: Record<MediaVariant, string> = { original: 'o', thumbnail: 't' };

/**
 * Tokens for `GET /api/media/signed/{token}`: `<mediaId>.<o|t>.<expiry>.<HMAC-SHA256>`, keyed with the
 * installation's `media_url` secret (made by the migration, the same for every process). Anyone holding
 * the URL may fetch the medium until it expires — that is what platforms that fetch by URL need.
 */
export class MediaUrlSigner {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly manager: EntityManager) {}

  async sign(claim: SignedMediaClaim): Promise<string> {
    const payload = `${claim.mediaId}.${VARIANT_CODE[claim.variant]}.${claim.expiresAt}`;
    return `${payload}.${await this.mac(payload)}`;
  }

  /** The claim of a valid, unexpired token; null for anything else. */
  async verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<SignedMediaClaim | null> {
    const match = /^([0-9a-f-]{36})\.([ot])\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, mediaId, variant, expiry, mac] = match as unknown as [string, string, string, string, string];
    const expected = Buffer.from(await this.mac(`${mediaId}.${variant}.${expiry}`));
    if (!timingSafeEqual(expected, Buffer.from(mac)) || Number(expiry) < nowSeconds) return null;
    return { mediaId, variant: variant === 't' ? 'thumbnail' : 'original', expiresAt: Number(expiry) };
  }

  private async mac(payload: string): Promise<string> {
    this.secret ??= this.manager
      .query(`SELECT secret FROM installation_secrets WHERE name = 'media_url'`)
      .then((rows: Array<{ secret: Buffer }>) => {
        if (!rows[0]) throw new Error('installation secret media_url is missing (run the migrations)');
        return rows[0].secret;
      });
    return createHmac('sha256', await this.secret)
      .update(payload)
      .digest('base64url');
  }
}
