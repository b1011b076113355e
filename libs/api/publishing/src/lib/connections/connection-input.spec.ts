import { BadRequestException } from '@nestjs/common';

import { checkConnectionChange, type StoredConnection } from './connection-input';

function fieldErrors(run: () => unknown): Array<{ field: string; messages: string[] }> {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException)
      return (error.getResponse() as { errors: Array<{ field: string; messages: string[] }> }).errors;
    throw error;
  }
  throw new Error('accepted');
}
const fields = (run: () => unknown) => fieldErrors(run).map((error) => error.field);

describe('checking a connection save against the platform fields', () => {
  const stored: StoredConnection = {
    baseUrl: 'https://social.example',
    settings: { visibility: 'unlisted' },
    credentialNames: ['accessToken'],
  };

  it('accepts a first Mastodon connection, trimming values', () => {
    expect(
      checkConnectionChange(
        'mastodon',
        {
          baseUrl: ' https://social.example/ ',
          settings: { language: ' nb ', maxCharacters: 1000 },
          credentials: { accessToken: ' t0k ' },
        },
        null,
      ),
    ).toEqual({
      baseUrl: 'https://social.example/',
      settings: { language: 'nb', maxCharacters: 1000 },
      givenCredentials: { accessToken: 't0k' },
      keptCredentialNames: [],
    });
  });

  it('needs every required field on the first save, naming each', () => {
    expect(fields(() => checkConnectionChange('mastodon', {}, null))).toEqual(['baseUrl', 'credentials.accessToken']);
    expect(fields(() => checkConnectionChange('facebook', {}, null))).toEqual(['settings.pageId', 'credentials.accessToken']);
    expect(
      fields(() => checkConnectionChange('wordpress', { baseUrl: 'https://www.example.no', credentials: { username: 'ed' } }, null)),
    ).toEqual(['credentials.applicationPassword']);
  });

  it('keeps what a later save leaves out', () => {
    expect(checkConnectionChange('mastodon', {}, stored)).toEqual({
      baseUrl: 'https://social.example',
      settings: { visibility: 'unlisted' },
      givenCredentials: {},
      keptCredentialNames: ['accessToken'],
    });
    expect(checkConnectionChange('mastodon', { settings: {} }, stored).settings).toEqual({});
  });

  it('keeps stored credentials one by one', () => {
    const wordpress: StoredConnection = {
      baseUrl: 'https://www.example.no',
      settings: {},
      credentialNames: ['applicationPassword', 'username'],
    };
    const change = checkConnectionChange('wordpress', { credentials: { applicationPassword: 'new one' } }, wordpress);
    expect(change.givenCredentials).toEqual({ applicationPassword: 'new one' });
    expect(change.keptCredentialNames).toEqual(['username']);
  });

  it('refuses names the platform does not read, naming the field', () => {
    const errors = fieldErrors(() => checkConnectionChange('mastodon', { credentials: { token: 'x' }, settings: { pageId: '1' } }, stored));
    expect(errors).toEqual([
      { field: 'settings.pageId', messages: ['is not a setting of mastodon (expected visibility, language, maxCharacters)'] },
      { field: 'credentials.token', messages: ['is not a credential of mastodon (expected accessToken)'] },
    ]);
    expect(fields(() => checkConnectionChange('webhook', { settings: { url: 'https://x.example' } }, null))).toContain('settings.url');
  });

  it('refuses values that do not fit their field', () => {
    expect(
      fields(() =>
        checkConnectionChange(
          'mastodon',
          { settings: { visibility: 'direct', maxCharacters: 2.5, language: 'norsk' }, credentials: { accessToken: '  ' } },
          stored,
        ),
      ),
    ).toEqual(['settings.visibility', 'settings.maxCharacters', 'settings.language', 'credentials.accessToken']);
    expect(
      fields(() => checkConnectionChange('linkedin', { settings: { authorUrn: 'fjordvik' }, credentials: { accessToken: 'a' } }, null)),
    ).toEqual(['settings.authorUrn']);
    expect(fields(() => checkConnectionChange('facebook', { settings: { pageId: 123 }, credentials: { accessToken: 'a' } }, null))).toEqual(
      ['settings.pageId'],
    );
    expect(
      fields(() =>
        checkConnectionChange('facebook', { settings: { pageId: '1', graphVersion: '24' }, credentials: { accessToken: 'a' } }, null),
      ),
    ).toEqual(['settings.graphVersion']);
  });

  it('takes only http and https addresses, and clears an optional one with null', () => {
    for (const baseUrl of ['ftp://social.example', 'file:///etc/passwd', 'social.example', 'javascript:alert(1)']) {
      expect(fields(() => checkConnectionChange('mastodon', { baseUrl }, stored))).toEqual(['baseUrl']);
    }
    expect(fields(() => checkConnectionChange('mastodon', { baseUrl: null }, stored))).toEqual(['baseUrl']);
    const bluesky: StoredConnection = { baseUrl: 'https://pds.example', settings: {}, credentialNames: ['appPassword', 'identifier'] };
    expect(checkConnectionChange('bluesky', { baseUrl: null }, bluesky).baseUrl).toBeNull();
    expect(checkConnectionChange('bluesky', { baseUrl: '' }, bluesky).baseUrl).toBeNull();
    expect(checkConnectionChange('webhook', { baseUrl: 'http://127.0.0.1:4000/hook', credentials: { secret: 's' } }, null).baseUrl).toBe(
      'http://127.0.0.1:4000/hook',
    );
  });

  it('clears an optional setting given as empty or null', () => {
    expect(
      checkConnectionChange('mastodon', { settings: { visibility: '', language: null as unknown as string } }, stored).settings,
    ).toEqual({});
  });
});
