import { startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

function fieldsOf(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}

describe('audience effect results against PostgreSQL', () => {
  let s: StrategyTestApp;
  let audienceId: string;
  let path: string;
  beforeAll(async () => {
    s = await startStrategyTestApp();
    const created = await s.editor.post(s.url(s.fjordvik, 'audiences')).send({
      name: 'Parents of small children',
      effectGoal: 'Apply for a kindergarten place in time',
      effectTarget: { metric: 'applications for a kindergarten place', value: 40, period: 'month' },
    });
    audienceId = created.body.id;
    path = s.url(s.fjordvik, `audiences/${audienceId}/effect-results`);
  });
  afterAll(() => s?.t.close());

  it('starts with the goal, the target and no periods', async () => {
    const { status, body } = await s.viewer.get(path);
    expect(status).toBe(200);
    expect(body).toEqual({
      audienceId,
      effectGoal: 'Apply for a kindergarten place in time',
      target: { metric: 'applications for a kindergarten place', value: 40, period: 'month' },
      results: [],
    });
  });

  it('sets, changes and removes periods, newest first, naming who entered them', async () => {
    const put = await s.editor.put(path).send({
      results: [
        { period: '2026-10', value: 37, note: ' From the admissions system ' },
        { period: '2026-11', value: 41.5 },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.results).toEqual([
      {
        period: '2026-11',
        from: '2026-11-01',
        to: '2026-11-30',
        value: 41.5,
        note: '',
        enteredBy: { id: s.userIds['editor@kadens.demo'], name: 'Erik Redaktør' },
        enteredAt: expect.any(String),
      },
      expect.objectContaining({ period: '2026-10', from: '2026-10-01', to: '2026-10-31', value: 37, note: 'From the admissions system' }),
    ]);

    const changed = await s.approver.put(path).send({ results: [{ period: '2026-10', value: 39, note: 'Corrected' }] });
    expect(changed.body.results[1]).toMatchObject({
      period: '2026-10',
      value: 39,
      note: 'Corrected',
      enteredBy: { name: 'Anne Godkjenner' },
    });
    expect((await s.viewer.get(path)).body.results).toHaveLength(2);

    const removed = await s.editor.put(path).send({ results: [{ period: '2026-11', value: null }] });
    expect(removed.body.results.map((r: { period: string }) => r.period)).toEqual(['2026-10']);
  });

  it('refuses periods that are no period, of another kind or twice in one request, naming the entry', async () => {
    for (const [results, field] of [
      [[{ period: '2026-13', value: 1 }], 'results.0.period'],
      [
        [
          { period: '2026-11', value: 1 },
          { period: '2026-Q4', value: 1 },
        ],
        'results.1.period',
      ],
      [[{ period: '2026-W48', value: 1 }], 'results.0.period'],
      [
        [
          { period: '2026-11', value: 1 },
          { period: '2026-11', value: 2 },
        ],
        'results.1.period',
      ],
      [[{ period: '2026-11', value: -1 }], 'results.0.value'],
      [[{ period: '2026-11', value: 1e12 }], 'results.0.value'],
      [[{ period: '2026-11', value: 1.234 }], 'results.0.value'],
      [[{ period: '2026-11' }], 'results.0.value'],
      [[{ period: '2026-11', value: 1, note: 'x'.repeat(2001) }], 'results.0.note'],
      [[], 'results'],
    ] as const) {
      const { status, body } = await s.editor.put(path).send({ results });
      expect({ results, status }).toEqual({ results, status: 400 });
      expect(fieldsOf(body)).toContain(field);
    }
    // Nothing of a refused request was stored.
    expect((await s.viewer.get(path)).body.results.map((r: { period: string }) => r.period)).toEqual(['2026-10']);
  });

  it('takes the largest value numeric(14,2) holds', async () => {
    const { status, body } = await s.editor.put(path).send({ results: [{ period: '2025-01', value: 999_999_999_999.99 }] });
    expect(status).toBe(200);
    expect(body.results.find((r: { period: string }) => r.period === '2025-01').value).toBe(999_999_999_999.99);
  });

  it('follows the target: a quarter target takes quarters; without a target nothing is taken (409)', async () => {
    const { body: quarterly } = await s.editor.post(s.url(s.fjordvik, 'audiences')).send({
      name: 'Business owners',
      effectTarget: { metric: 'enquiries', value: 100, period: 'quarter' },
    });
    const quarterPath = s.url(s.fjordvik, `audiences/${quarterly.id}/effect-results`);
    expect((await s.editor.put(quarterPath).send({ results: [{ period: '2026-Q4', value: 80 }] })).body.results[0]).toMatchObject({
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    const week = await s.editor.put(quarterPath).send({ results: [{ period: '2026-W48', value: 1 }] });
    expect(fieldsOf(week.body)).toEqual(['results.0.period']);

    const { body: plain } = await s.editor.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Tourists' });
    const plainPath = s.url(s.fjordvik, `audiences/${plain.id}/effect-results`);
    expect((await s.viewer.get(plainPath)).body).toMatchObject({ target: null, results: [] });
    const refused = await s.editor.put(plainPath).send({ results: [{ period: '2026-11', value: 1 }] });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('effect_target_missing');
  });

  it('keeps an archived audience editable', async () => {
    await s.editor.patch(s.url(s.fjordvik, `audiences/${audienceId}`)).send({ archived: true });
    const put = await s.editor.put(path).send({ results: [{ period: '2026-09', value: 30 }] });
    expect(put.status).toBe(200);
    await s.editor.patch(s.url(s.fjordvik, `audiences/${audienceId}`)).send({ archived: false });
  });

  it('lets viewers read but not write (403), and hides other organisations’ audiences (404)', async () => {
    const viewerPut = await s.viewer.put(path).send({ results: [{ period: '2026-11', value: 1 }] });
    expect(viewerPut.status).toBe(403);

    const { body: danish } = await s.admin.post(s.url(s.bolgeby, 'audiences')).send({
      name: 'Forældre',
      effectTarget: { metric: 'ansøgninger', value: 10, period: 'month' },
    });
    // Through Fjordvik's address, Bølgeby's audience does not exist.
    const foreign = s.url(s.fjordvik, `audiences/${danish.id}/effect-results`);
    expect((await s.admin.get(foreign)).status).toBe(404);
    const foreignPut = await s.admin.put(foreign).send({ results: [{ period: '2026-11', value: 1 }] });
    expect(foreignPut.status).toBe(404);
    expect(foreignPut.body.code).toBe('audience_not_found');
    expect((await s.admin.get(s.url(s.fjordvik, `audiences/${MISSING}/effect-results`))).status).toBe(404);
    expect((await s.admin.get(s.url(s.fjordvik, 'audiences/not-a-uuid/effect-results'))).status).toBe(400);
  });
});
