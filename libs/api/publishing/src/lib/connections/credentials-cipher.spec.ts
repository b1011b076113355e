import { randomBytes } from 'node:crypto';

import { CredentialsKeyMissingError, CredentialsUnreadableError } from './connection-errors';
import { CREDENTIALS_FORMAT_VERSION, CredentialsCipher, openCredentials, sealCredentials } from './credentials-cipher';

describe('credentials cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const owner = { organizationId: '11111111-1111-4111-8111-111111111111', channelId: '22222222-2222-4222-8222-222222222222' };
  const credentials = { accessToken: 'tok-æøå-秘密', appPassword: 'abcd-efgh-ijkl-mnop' };

  it('opens what it sealed, and the bytes hold no trace of the secret', () => {
    const sealed = sealCredentials(key, owner, credentials);
    expect(openCredentials(key, owner, sealed)).toEqual(credentials);
    expect(sealed.includes(Buffer.from('tok-'))).toBe(false);
    expect(sealed.includes(Buffer.from('abcd-efgh'))).toBe(false);
  });

  it('lays the bytes out as version | 12-byte IV | 16-byte tag | ciphertext, with a fresh IV each time', () => {
    const first = sealCredentials(key, owner, credentials);
    const second = sealCredentials(key, owner, credentials);
    expect(first[0]).toBe(CREDENTIALS_FORMAT_VERSION);
    expect(first.length).toBe(1 + 12 + 16 + Buffer.byteLength(JSON.stringify(credentials)));
    expect(first.subarray(1, 13).equals(second.subarray(1, 13))).toBe(false);
    expect(first.equals(second)).toBe(false);
  });

  it('refuses another key', () => {
    const sealed = sealCredentials(key, owner, credentials);
    expect(() => openCredentials(randomBytes(32), owner, sealed)).toThrow(CredentialsUnreadableError);
  });

  it('refuses bytes moved to another channel or organisation (they are bound as associated data)', () => {
    const sealed = sealCredentials(key, owner, credentials);
    expect(() => openCredentials(key, { ...owner, channelId: '33333333-3333-4333-8333-333333333333' }, sealed)).toThrow(
      CredentialsUnreadableError,
    );
    expect(() => openCredentials(key, { ...owner, organizationId: '44444444-4444-4444-8444-444444444444' }, sealed)).toThrow(
      CredentialsUnreadableError,
    );
  });

  const flip = (bytes: Buffer, at: number) => bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
  it.each([
    ['a flipped ciphertext bit', (bytes: Buffer) => flip(bytes, bytes.length - 1)],
    ['a flipped tag bit', (bytes: Buffer) => flip(bytes, 20)],
    ['a flipped IV bit', (bytes: Buffer) => flip(bytes, 5)],
    ['an unknown version', (bytes: Buffer) => bytes.writeUInt8(2, 0)],
  ])('refuses %s', (_what, tamper) => {
    const sealed = Buffer.from(sealCredentials(key, owner, credentials));
    tamper(sealed);
    expect(() => openCredentials(key, owner, sealed)).toThrow(CredentialsUnreadableError);
  });

  it('refuses bytes too short to hold a header', () => {
    expect(() => openCredentials(key, owner, Buffer.of(1, 2, 3))).toThrow(CredentialsUnreadableError);
    expect(() => openCredentials(key, owner, Buffer.alloc(0))).toThrow(CredentialsUnreadableError);
  });

  it('says what to do when the bytes do not open, without naming any secret', () => {
    const sealed = sealCredentials(key, owner, credentials);
    try {
      openCredentials(randomBytes(32), owner, sealed);
      throw new Error('opened');
    } catch (error) {
      expect(error).toBeInstanceOf(CredentialsUnreadableError);
      expect((error as CredentialsUnreadableError).getResponse()).toEqual({
        message: expect.stringContaining('Enter the credentials again'),
        code: 'credentials_unreadable',
      });
      expect((error as Error).message).not.toContain('tok-');
    }
  });

  it('names CREDENTIALS_KEY when the server has none', () => {
    const cipher = new CredentialsCipher({ credentialsKey: null } as never);
    expect(() => cipher.seal(owner, credentials)).toThrow(CredentialsKeyMissingError);
    expect(() => cipher.assertConfigured()).toThrow(/CREDENTIALS_KEY/);
    const error = new CredentialsKeyMissingError();
    expect(error.getStatus()).toBe(503);
    expect(error.getResponse()).toMatchObject({ code: 'credentials_key_missing' });
  });

  it('uses the configured key', () => {
    const cipher = new CredentialsCipher({ credentialsKey: key } as never);
    expect(openCredentials(key, owner, cipher.seal(owner, credentials))).toEqual(credentials);
    expect(cipher.open(owner, sealCredentials(key, owner, credentials))).toEqual(credentials);
  });
});
