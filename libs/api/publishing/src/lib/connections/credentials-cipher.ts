import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { CredentialsKeyMissingError, CredentialsUnreadableError } from './connection-errors';

/*
 * A channel's credentials at rest: AES-256-GCM with node:crypto, the JSON of the credentials as
 * plaintext, laid out as
 *
 *   version (1 byte, 0x01) | IV (12 random bytes) | tag (16 bytes) | ciphertext
 *
 * The organisation and channel are authenticated data, so bytes copied to another channel's row (or
 * another organisation's) fail to open instead of lending that channel these credentials.
 */

export const CREDENTIALS_FORMAT_VERSION = 1;
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** Whose credentials these are; bound into the ciphertext. */
export interface CredentialsOwner {
  organizationId: string;
  channelId: string;
}

export type Credentials = Readonly<Record<string, string>>;

export function sealCredentials(key: Buffer, owner: CredentialsOwner, credentials: Credentials): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(owner));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(CREDENTIALS_FORMAT_VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws `CredentialsUnreadableError` for anything but bytes this key sealed for this owner. */
export function openCredentials(key: Buffer, owner: CredentialsOwner, sealed: Buffer): Record<string, string> {
  if (sealed.length < HEADER_BYTES || sealed[0] !== CREDENTIALS_FORMAT_VERSION) throw new CredentialsUnreadableError();
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  let plaintext: string;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(owner));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // GCM says only "unable to authenticate"; which of key, bytes or owner differs cannot be told.
    throw new CredentialsUnreadableError();
  }
  return parseCredentials(plaintext);
}

function associatedData({ organizationId, channelId }: CredentialsOwner): Buffer {
  return Buffer.from(`kadens/channel-credentials/v${CREDENTIALS_FORMAT_VERSION}\u0000${organizationId}\u0000${channelId}`, 'utf8');
}

function parseCredentials(plaintext: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    throw new CredentialsUnreadableError();
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((value) => typeof value === 'string');
  if (!valid) throw new CredentialsUnreadableError();
  return parsed as Record<string, string>;
}

/** The configured key behind the two functions; without CREDENTIALS_KEY every use is a `CredentialsKeyMissingError`. */
@Injectable()
export class CredentialsCipher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Fails early, before a request does any work it would have to undo. */
  assertConfigured(): void {
    this.key();
  }

  seal(owner: CredentialsOwner, credentials: Credentials): Buffer {
    return sealCredentials(this.key(), owner, credentials);
  }

  open(owner: CredentialsOwner, sealed: Buffer): Record<string, string> {
    return openCredentials(this.key(), owner, sealed);
  }

  private key(): Buffer {
    const key = this.config.credentialsKey;
    if (key === null) throw new CredentialsKeyMissingError();
    return key;
  }
}
