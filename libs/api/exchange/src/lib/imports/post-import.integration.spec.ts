import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';

import { ExchangeModule } from '../exchange.module';

const HEADER = 'Dato;Klokkeslett;Kanaler;Tittel;Tekst;Tema;Målgruppe;Innholdstype;Lenke;Media-URL;Alt-tekst;Dialog';

describe('CSV import and export of the plan against PostgreSQL', () => {
  let d: DemoTestApp;
  const ids: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const rows: Array<{ id: string }> = await d.t.db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return rows[0]?.id as string;
  }

  const imports = (dryRun: boolean) => `${d.url(d.fjordvik, 'imports/posts')}?dryRun=${dryRun}`;
  const postCount = async () =>
    Number((await d.t.db.query(`SELECT count(*) FROM posts WHERE organization_id = $1`, [d.fjordvik]))[0].count);

  beforeAll(async () => {
    d = await startDemoTestApp([ExchangeModule]);
    ids['theme'] = await insert('themes', { organization_id: d.fjordvik, name: 'Vinterdrift', color: '#1e88e5' });
    ids['x'] = await insert('channels', { organization_id: d.fjordvik, platform: 'x', name: 'X @fjordvik' });
    ids['bluesky'] = await insert('channels', { organization_id: d.fjordvik, platform: 'bluesky', name: 'Bluesky' });
    ids['strict'] = await insert('channels', { organization_id: d.fjordvik, platform: 'mastodon', name: 'Mastodon', max_posts_per_day: 1 });
    ids['audience'] = await insert('audiences', { organization_id: d.fjordvik, name: 'Innbyggere' });
  }, 60_000);
  afterAll(() => d?.t.close());

  /** Row i: a distinct title and time (one per hour from 1 March 2027, Oslo time). */
  function goodRow(i: number): string {
    const at = new Date(Date.UTC(2027, 2, 1, 8) + i * 3_600_000);
    const date = `${String(at.getUTCDate()).padStart(2, '0')}.${String(at.getUTCMonth() + 1).padStart(2, '0')}.${at.getUTCFullYear()}`;
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:00`;
    return `${date};${time};X @fjordvik, Bluesky;Innlegg ${i};"Tekst nummer ${i}; med semikolon";Vinterdrift;Innbyggere;news;https://fjordvik.no/${i};;;nei`;
  }

  /** Thirty bad rows, each wrong in one way. */
  function badRow(i: number): string {
    switch (i % 6) {
      case 0:
        return `31.02.2027;09:00;Bluesky;Feil dato ${i};Tekst;Vinterdrift;;;;;;`;
      case 1:
        return `01.03.2027;09:00;Facebook;Ukjent kanal ${i};Tekst;Vinterdrift;;;;;;`;
      case 2:
        return `01.03.2027;09:00;Bluesky;;Uten tittel;Vinterdrift;;;;;;`;
      case 3:
        return `01.03.2027;09:00;X @fjordvik;For lang ${i};${'a'.repeat(300)};Vinterdrift;;;;;;`;
      case 4:
        return `01.03.2027;09:00;Bluesky;Ukjent tema ${i};Tekst;Sommer;;;;;;`;
      default:
        return `01.03.2027;25:00;Bluesky;Feil tid ${i};Tekst;Vinterdrift;;;ikke en lenke;;;kanskje`;
    }
  }

  it('previews 2,000 rows naming all 30 bad ones, then imports the rest once, also when run twice', async () => {
    const lines: string[] = [];
    const bad = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      if (i % 66 === 5 && bad.size < 30) {
        bad.add(i);
        lines.push(badRow(bad.size));
      } else lines.push(goodRow(i));
    }
    expect(bad.size).toBe(30);
    const csv = `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`;

    const before = await postCount();
    const preview = await d.editor.post(imports(true)).set('Content-Type', 'text/csv; charset=utf-8').send(csv);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, delimiter: ';', total: 2000, valid: 1970, invalid: 30, imported: 0 });
    const invalidRows = preview.body.rows.filter((r: { status: string }) => r.status === 'invalid').map((r: { row: number }) => r.row);
    expect(invalidRows).toEqual([...bad].map((i) => i + 2));
    const codes = new Set(
      preview.body.rows.flatMap((r: { errors: Array<{ code: string; column: string }> }) => r.errors.map((e) => `${e.column}:${e.code}`)),
    );
    expect([...codes].sort()).toEqual(
      [
        'date:import.invalid_date',
        'channels:import.unknown_channel',
        'title:import.required',
        'text:text.too_long',
        'theme:import.unknown_theme',
        'time:import.invalid_time',
        'link:import.invalid_url',
        'dialogue:import.invalid_yes_no',
      ].sort(),
    );
    expect(await postCount()).toBe(before);

    const started = Date.now();
    const first = await d.editor.post(imports(false)).attach('file', Buffer.from(csv, 'utf8'), 'plan.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, total: 2000, imported: 1970, invalid: 30, duplicates: 0 });
    console.log(`imported 1,970 drafts in ${Date.now() - started} ms`);
    expect(await postCount()).toBe(before + 1970);
    const [draft] = await d.t.db.query(
      `SELECT p.state, p.planned_at, p.body, p.author_id, (SELECT count(*) FROM post_targets t WHERE t.post_id = p.id)::int AS targets
         FROM posts p WHERE p.organization_id = $1 AND p.title = 'Innlegg 0'`,
      [d.fjordvik],
    );
    expect(draft).toMatchObject({
      state: 'draft',
      body: 'Tekst nummer 0; med semikolon',
      targets: 2,
      author_id: d.userIds['editor@kadens.demo'],
    });
    // 01.03.2027 08:00 in Oslo (CET) is 07:00 UTC.
    expect(draft.planned_at.toISOString()).toBe('2027-03-01T07:00:00.000Z');

    const second = await d.editor.post(imports(false)).set('Content-Type', 'text/csv').send(csv);
    expect(second.body).toMatchObject({ imported: 0, duplicates: 1970, invalid: 30 });
    expect(await postCount()).toBe(before + 1970);
  }, 300_000);

  it('reads a seeded content type by its name in any of the four languages, and an unknown one as unknown', async () => {
    const types = ['Pressemeddelelse', 'Press release', 'nyhet', 'Evenemang', 'Podkast'];
    const rows = types.map((type, i) => `01.04.2027;1${i}:00;Bluesky;Språk ${i};Tekst;Vinterdrift;;${type};;;;nei`);
    const preview = await d.editor
      .post(imports(true))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(`${HEADER}\r\n${rows.join('\r\n')}\r\n`);
    expect(preview.status).toBe(200);
    expect(
      preview.body.rows.map((r: { status: string; errors: Array<{ code: string }> }) => [r.status, r.errors.map((e) => e.code)]),
    ).toEqual([
      ['valid', []],
      ['valid', []],
      ['valid', []],
      ['valid', []],
      ['invalid', ['import.unknown_content_type']],
    ]);
  });

  it('names the promise a row would break in the preview, and skips that row in the import', async () => {
    await d.editor.post(d.url(d.fjordvik, 'posts')).send({
      title: 'Alt planlagt',
      body: 'Hei',
      contentTypeId: (await d.t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [d.fjordvik]))[0].id,
      themeId: ids['theme'],
      plannedAt: '2027-06-01T08:00:00Z',
      targets: [{ channelId: ids['strict'] }],
    });
    const csv = `date,time,channels,title,text,theme\n2027-06-01,14:00,Mastodon,Ett for mye,Hei igjen,Vinterdrift\n`;
    const preview = await d.editor.post(imports(true)).set('Content-Type', 'text/csv').send(csv);
    expect(preview.status).toBe(200);
    expect(preview.body.delimiter).toBe(',');
    expect(preview.body.rows[0].status).toBe('invalid');
    expect(preview.body.rows[0].errors[0]).toMatchObject({ column: 'date', params: { channel: 'Mastodon' } });
    expect(preview.body.rows[0].errors[0].code).toMatch(/^promise\./);
    const run = await d.editor.post(imports(false)).set('Content-Type', 'text/csv').send(csv);
    expect(run.body).toMatchObject({ imported: 0, invalid: 1 });
  });

  it('refuses what it cannot read: no title column, over 2,000 rows, not UTF-8, JSON, a viewer, another organisation', async () => {
    const noTitle = await d.editor.post(imports(true)).set('Content-Type', 'text/csv').send('date;channels;theme\n2027-01-01;X;Y\n');
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.code).toBe('import_missing_columns');
    const many = `${HEADER}\n${Array.from({ length: 2001 }, (_, i) => goodRow(i)).join('\n')}`;
    const tooMany = await d.editor.post(imports(true)).set('Content-Type', 'text/csv').send(many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.code).toBe('import_too_many_rows');
    const latin1 = Buffer.from('Tittel;Kanaler;Tema\nBr\xf8yting;X;Y\n', 'latin1');
    const notUtf8 = await d.editor.post(imports(true)).set('Content-Type', 'text/csv').send(latin1);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.code).toBe('import_not_utf8');
    const big = await d.editor
      .post(imports(true))
      .set('Content-Type', 'text/csv')
      .send('x'.repeat(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect((await d.editor.post(imports(true)).send({ csv: 'a' })).status).toBe(400);
    expect((await d.viewer.post(imports(true)).set('Content-Type', 'text/csv').send(`${HEADER}\n`)).status).toBe(403);
    expect(
      (
        await d.editor
          .post(`${d.url(d.bolgeby, 'imports/posts')}?dryRun=true`)
          .set('Content-Type', 'text/csv')
          .send(`${HEADER}\n`)
      ).status,
    ).toBe(404);
    const crossSite = await d.editor
      .post(imports(true))
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x--');
    expect(crossSite.status).toBe(403);
  });

  it('exports the calendar as filtered, in the import’s columns, and the export re-imports to the same plan', async () => {
    const from = '2027-03-01T00:00:00Z';
    const to = '2027-03-03T00:00:00Z';
    const exported = await d.viewer
      .get(`${d.url(d.fjordvik, 'calendar.csv')}?from=${from}&to=${to}&channelIds=${ids['x']}`)
      .responseType('arraybuffer');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toContain('fjordvik-plan.csv');
    const text = (exported.body as Buffer).toString('utf8');
    // The organisation's language (nb) in the header, after a UTF-8 BOM.
    expect(text.startsWith('\uFEFFDato;Tid;Kanaler;Tittel;Tekst;Tema;Målgruppe;Innholdstype;Lenke;Media-URL;Alt-tekst;Dialog\r\n')).toBe(
      true,
    );
    const lines = text.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(lines[1]).toBe(
      '2027-03-01;08:00;Bluesky, X @fjordvik;Innlegg 0;"Tekst nummer 0; med semikolon";Vinterdrift;Innbyggere;Nyhet;https://fjordvik.no/0;;;nei',
    );

    // Round trip: delete what the export holds, import the export, export again — the same file.
    await d.t.db.query(`DELETE FROM posts WHERE organization_id = $1 AND planned_at >= $2 AND planned_at < $3 AND channel_ids && $4`, [
      d.fjordvik,
      from,
      to,
      [ids['x']],
    ]);
    const reimported = await d.editor.post(imports(false)).set('Content-Type', 'text/csv').send(Buffer.from(text, 'utf8'));
    expect(reimported.body).toMatchObject({ invalid: 0, imported: lines.length - 1 });
    const again = await d.viewer
      .get(`${d.url(d.fjordvik, 'calendar.csv')}?from=${from}&to=${to}&channelIds=${ids['x']}`)
      .responseType('arraybuffer');
    expect((again.body as Buffer).toString('utf8')).toBe(text);
    // An unfiltered export holds more; a bad range is the calendar's own 400.
    expect((await d.viewer.get(`${d.url(d.fjordvik, 'calendar.csv')}?from=${from}&to=2029-01-01T00:00:00Z`)).status).toBe(400);
    expect((await d.t.anonymous().get(`${d.url(d.fjordvik, 'calendar.csv')}?from=${from}&to=${to}`)).status).toBe(401);
  });
});
