import { importKey, type ImportLookups, readImportRow } from './import-row';

const lookups: ImportLookups = {
  timeZone: 'Europe/Copenhagen',
  channels: new Map([
    ['x @bolgeby', { id: 'cx', name: 'X @bolgeby', platform: 'x' }],
    ['nyheder, by', { id: 'cw', name: 'Nyheder, by', platform: 'webhook' }],
  ]),
  themes: new Map([['havn', 't1']]),
  audiences: new Map([
    ['borgere', 'a1'],
    ['erhverv', 'a2'],
  ]),
  contentTypes: new Map([
    ['news', 'ct-news'],
    ['begivenhed', 'ct-event'],
  ]),
  defaultContentTypeId: 'ct-news',
};

describe('readImportRow', () => {
  it('reads a Danish row into a draft in the organisation’s zone', () => {
    const row = readImportRow(
      2,
      {
        date: '5/1-2027',
        time: 'kl. 9.30',
        channels: 'X @bolgeby',
        title: '  Havnen  åbner ',
        text: 'Velkommen\r\ntil havnen',
        theme: 'HAVN',
        audience: 'Borgere; Erhverv',
        contentType: 'Begivenhed',
        dialogue: 'ja',
      },
      lookups,
    );
    expect(row.errors).toEqual([]);
    expect(row.draft).toEqual({
      title: 'Havnen åbner',
      body: 'Velkommen\ntil havnen',
      link: null,
      mediaUrls: [],
      contentTypeId: 'ct-event',
      themeId: 't1',
      audienceIds: ['a1', 'a2'],
      plannedAt: '2027-01-05T08:30:00.000Z',
      invitesDialogue: true,
      channelIds: ['cx'],
    });
  });

  it('keeps a channel name that holds a comma whole', () => {
    const row = readImportRow(2, { channels: 'Nyheder, by', title: 'T', text: 'x', theme: 'Havn' }, lookups);
    expect(row.draft?.channelIds).toEqual(['cw']);
    expect(row.draft?.plannedAt).toBeNull();
  });

  it('names every problem with its column', () => {
    const row = readImportRow(
      7,
      {
        date: '2027-02-30',
        channels: 'Facebook',
        title: '',
        text: 'x',
        theme: 'Sommer',
        link: 'ftp://a',
        dialogue: 'kanskje',
        altText: 'A dog',
      },
      lookups,
    );
    expect(row.draft).toBeNull();
    expect(row.errors.map((e) => `${e.column}:${e.code}`)).toEqual([
      'title:import.required',
      'date:import.invalid_date',
      'time:import.required',
      'channels:import.unknown_channel',
      'theme:import.unknown_theme',
      'link:import.invalid_url',
      'dialogue:import.invalid_yes_no',
    ]);
    expect(row.warnings.map((w) => w.code)).toEqual(['import.alt_text_not_stored']);
  });

  it('checks each channel’s platform text limits', () => {
    const row = readImportRow(2, { channels: 'X @bolgeby', title: 'T', text: 'a'.repeat(281), theme: 'Havn' }, lookups);
    expect(row.errors).toEqual([{ column: 'text', code: 'text.too_long', params: expect.objectContaining({ channel: 'X @bolgeby' }) }]);
  });

  it('gives the same key to the same values however they were written', () => {
    const a = readImportRow(
      2,
      { date: '05.01.2027', time: '09:30', channels: 'X @bolgeby', title: 'T', text: 'x', theme: 'Havn' },
      lookups,
    );
    const b = readImportRow(
      9,
      { date: '2027-01-05', time: '0930', channels: 'x @BOLGEBY', title: 'T ', text: 'x', theme: 'havn' },
      lookups,
    );
    const c = readImportRow(
      9,
      { date: '2027-01-05', time: '09:31', channels: 'X @bolgeby', title: 'T', text: 'x', theme: 'Havn' },
      lookups,
    );
    if (!a.draft || !b.draft || !c.draft) throw new Error('expected drafts');
    expect(importKey('o1', a.draft)).toBe(importKey('o1', b.draft));
    expect(importKey('o1', a.draft)).not.toBe(importKey('o1', c.draft));
    expect(importKey('o1', a.draft)).not.toBe(importKey('o2', a.draft));
  });
});
