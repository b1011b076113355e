import type { ChannelConnectionView } from '@kadens/shared/contracts';

import { buildConnectionForm, connectionControlPaths, connectionRequestOf } from './connection-form';

const stored: ChannelConnectionView = {
  channelId: 'c1',
  platform: 'wordpress',
  status: 'connected',
  accountName: 'Redaksjonen',
  baseUrl: 'https://www.example.no/blog',
  settings: {},
  credentialNames: ['applicationPassword', 'username'],
  lastError: null,
  checkedAt: null,
  updatedAt: '2026-05-10T06:00:00.000Z',
  expiresAt: null,
  connectedBy: null,
  connectedAt: null,
};

describe('the connection form', () => {
  it('needs every required field of a new connection', () => {
    const form = buildConnectionForm('wordpress', null);
    expect(form.valid).toBe(false);
    expect(Object.keys(form.controls.credentials.controls)).toEqual(['username', 'applicationPassword']);
    expect(form.controls.baseUrl.hasError('required')).toBe(true);
    expect(form.controls.credentials.controls['applicationPassword']?.hasError('required')).toBe(true);
  });

  it('starts from what is stored, with every credential blank and optional', () => {
    const form = buildConnectionForm('wordpress', stored);
    expect(form.valid).toBe(true);
    expect(form.getRawValue()).toEqual({
      baseUrl: 'https://www.example.no/blog',
      credentials: { username: '', applicationPassword: '' },
      settings: {},
    });
    expect(connectionRequestOf(form)).toEqual({ baseUrl: 'https://www.example.no/blog', settings: {} });
  });

  it('sends only the credentials typed in, trimmed, and every setting', () => {
    const form = buildConnectionForm('mastodon', null);
    form.setValue({
      baseUrl: 'https://social.example ',
      credentials: { accessToken: ' tok ' },
      settings: { visibility: 'unlisted', language: '', maxCharacters: 500 },
    });
    expect(form.valid).toBe(true);
    expect(connectionRequestOf(form)).toEqual({
      baseUrl: 'https://social.example',
      settings: { visibility: 'unlisted', maxCharacters: 500 },
      credentials: { accessToken: 'tok' },
    });
  });

  it('sends an empty optional address as null', () => {
    const form = buildConnectionForm('bluesky', {
      ...stored,
      platform: 'bluesky',
      baseUrl: 'https://pds.example',
      credentialNames: ['appPassword', 'identifier'],
    });
    form.controls.baseUrl.setValue('');
    expect(form.valid).toBe(true);
    expect(connectionRequestOf(form).baseUrl).toBeNull();
  });

  it('refuses values the platform would', () => {
    const form = buildConnectionForm('linkedin', null);
    form.controls.settings.controls['authorUrn']?.setValue('fjordvik');
    form.controls.settings.controls['linkedinVersion']?.setValue('2026-10');
    form.controls.baseUrl.setValue('ftp://api.example');
    expect(form.controls.settings.controls['authorUrn']?.errors).toEqual({ messageKey: 'strategy.connection.problems.pattern' });
    expect(form.controls.settings.controls['linkedinVersion']?.errors).toEqual({ messageKey: 'strategy.connection.problems.pattern' });
    expect(form.controls.baseUrl.errors).toEqual({ messageKey: 'strategy.connection.problems.url' });
    form.controls.settings.controls['authorUrn']?.setValue('urn:li:organization:123');
    expect(form.controls.settings.controls['authorUrn']?.valid).toBe(true);
  });

  it('maps the API’s field names onto the form', () => {
    expect(connectionControlPaths('bluesky')).toEqual({
      'credentials.identifier': 'credentials.identifier',
      'credentials.appPassword': 'credentials.appPassword',
      'settings.language': 'settings.language',
    });
  });
});
