import { ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';

/*
 * The failures of channel connections, as HTTP errors with a code the web can explain. Outside a
 * request (the publisher calls `forPublishing`) they are plain errors whose message says what to do.
 */

/** No CREDENTIALS_KEY: nothing can be encrypted or decrypted. A server problem, hence 503. */
export class CredentialsKeyMissingError extends ServiceUnavailableException {
  constructor() {
    super({
      message:
        'Channel credentials cannot be saved or used: the server has no credentials key. Set CREDENTIALS_KEY to 32 random bytes (e.g. openssl rand -base64 32) and restart Kadens.',
      code: 'credentials_key_missing',
    });
  }
}

/** The stored bytes do not open with this key and this channel: another key, or altered or moved bytes. */
export class CredentialsUnreadableError extends ConflictException {
  constructor() {
    super({
      message:
        "The channel's stored credentials cannot be decrypted: CREDENTIALS_KEY is not the key they were saved with, or the stored bytes were altered. Enter the credentials again and save the connection.",
      code: 'credentials_unreadable',
    });
  }
}

export function channelNotFound(): NotFoundException {
  return new NotFoundException({ message: 'Channel not found', code: 'channel_not_found' });
}

export function connectionNotFound(): NotFoundException {
  return new NotFoundException({ message: 'The channel has no connection', code: 'connection_not_found' });
}
