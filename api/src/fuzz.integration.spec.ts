import { createOpenApiDocument } from '@kadens/api/core';
import { DEMO_PASSWORD } from '@kadens/api/organizations';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import type TestAgent from 'supertest/lib/agent';

import { DOMAIN_MODULES } from './app.module';
import { fuzzCases, type FuzzCase, type Operation, operationsOf, prng, randomUuid } from './testing/openapi-fuzz';

/** Same seed, same requests: a failure names its seed and replays exactly. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_270_517);
const CASES_PER_WRITE = 54;
const CASES_PER_READ = 6;

interface Offender {
  operation: string;
  kind: string;
  path: string;
  body: string;
  status: number | string;
  answer: string;
}

/**
 * Every operation of the OpenAPI document, the write ones (POST, PUT, PATCH, DELETE) with
 * CASES_PER_WRITE hostile requests each and the reads with a few hostile paths and queries, as the
 * demo admin on a throw-away database with the demo seed. Nothing may answer 5xx.
 */
describe('fuzzing every operation of the OpenAPI document', () => {
  let demo: DemoTestApp;
  let admin: TestAgent;
  let operations: Operation[];
  const ids = new Map<string, string[]>();

  beforeAll(async () => {
    demo = await startDemoTestApp(DOMAIN_MODULES, { APP_ROLES: 'api', CREDENTIALS_KEY: 'a'.repeat(64) });
    admin = demo.admin;
    await seedSomethingOfEach(demo);
    ids.set('organizationId', [demo.fjordvik]);
    for (const [segment, sql] of Object.entries(ID_QUERIES))
      ids.set(
        segment,
        (await demo.t.db.query(sql, [demo.fjordvik]).catch(() => [])).map((row: { id: string }) => row.id),
      );
    operations = operationsOf(createOpenApiDocument(demo.t.app) as never);
  }, 60_000);
  afterAll(() => demo?.t.close());

  it('finds the operations', () => {
    const writes = operations.filter((o) => o.method !== 'get');
    expect(writes.length).toBeGreaterThan(40);
    // The DTO properties are in the document (the swagger plugin runs in the tests, as in the build).
    expect(operations.find((o) => o.method === 'post' && o.path === '/api/auth/login')?.bodySchema?.properties).toHaveProperty('email');
  });

  it('answers no hostile request with a 5xx', async () => {
    const random = prng(SEED);
    const offenders: Offender[] = [];
    let sent = 0;
    // Deletions last, the organisation's own last of all, so the walk keeps real ids to aim at.
    const ordered = [...operations].sort((a, b) => rank(a) - rank(b));
    for (const operation of ordered) {
      const count = operation.method === 'get' ? CASES_PER_READ : CASES_PER_WRITE;
      const cases = fuzzCases(operation, (r) => fillPath(operation.path, r), random, count, allIds());
      for (const fuzzCase of operation.method === 'get' ? cases.filter((c) => /path|query|ids/.test(c.kind)) : cases) {
        sent += 1;
        const result = await send(operation, fuzzCase);
        if (typeof result.status !== 'number' || result.status >= 500) {
          offenders.push({
            operation: `${operation.method.toUpperCase()} ${operation.path}`,
            kind: fuzzCase.kind,
            path: fuzzCase.path.slice(0, 200),
            body: (fuzzCase.body ?? '').slice(0, 200),
            status: result.status,
            answer: result.answer.slice(0, 300),
          });
        }
        if (result.status === 401 && !isAnonymous(operation))
          admin = await demo.t.loginAs('admin@kadens.demo', DEMO_PASSWORD).catch(() => admin);
      }
    }
    console.info(`fuzz: ${sent} requests over ${operations.length} operations (seed ${SEED}), ${offenders.length} answered 5xx`);
    expect(sent).toBeGreaterThan(1_000);
    if (offenders.length > 0)
      throw new Error(`${offenders.length} requests answered 5xx (seed ${SEED}):\n${offenders.map((o) => JSON.stringify(o)).join('\n')}`);
  }, 110_000);

  function allIds(): string[] {
    return [...ids.values()].flat();
  }

  /** `{organizationId}` is Fjordvik; another `{param}` is, most of the time, a real id of its kind, else a random one. */
  function fillPath(path: string, random: () => number): string {
    const segments = path.split('/');
    return segments
      .map((segment, index) => {
        const name = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (!name) return segment;
        const known = ids.get(name === 'organizationId' ? name : (segments[index - 1] ?? '')) ?? [];
        return known.length > 0 && (name === 'organizationId' || random() < 0.7)
          ? (known[Math.floor(random() * known.length)] as string)
          : randomUuid(random);
      })
      .join('/');
  }

  async function send(operation: Operation, fuzzCase: FuzzCase): Promise<{ status: number | string; answer: string }> {
    const agent = isAnonymous(operation) ? demo.t.anonymous() : admin;
    let test = agent[operation.method](fuzzCase.path);
    if (fuzzCase.body !== undefined && operation.method !== 'get')
      test = test.set('Content-Type', fuzzCase.contentType ?? 'application/json').send(fuzzCase.body);
    try {
      const response = await test.timeout(20_000);
      return { status: response.status, answer: response.text ?? '' };
    } catch (error) {
      const status = (error as { status?: number }).status;
      const response = (error as { response?: { text?: string } }).response;
      return status ? { status, answer: response?.text ?? '' } : { status: `no answer: ${(error as Error).message}`, answer: '' };
    }
  }
});

/** Logging in and out runs on a client of its own, so the walk keeps the admin's session. */
function isAnonymous(operation: Operation): boolean {
  return /^\/api\/auth\/(login|logout)/.test(operation.path) || operation.path.startsWith('/api/public/');
}

function rank(operation: Operation): number {
  if (operation.method !== 'delete') return 0;
  return /^\/api\/organizations\/\{organizationId\}$/.test(operation.path) || operation.path === '/api/me' ? 2 : 1;
}

/** Real ids by the path segment before the param (`posts/{id}` → a post of Fjordvik). */
const ID_QUERIES: Record<string, string> = {
  posts: `SELECT id FROM posts WHERE organization_id = $1`,
  channels: `SELECT id FROM channels WHERE organization_id = $1`,
  themes: `SELECT id FROM themes WHERE organization_id = $1`,
  audiences: `SELECT id FROM audiences WHERE organization_id = $1`,
  initiatives: `SELECT id FROM initiatives WHERE organization_id = $1`,
  'content-types': `SELECT id FROM content_types WHERE organization_id = $1`,
  members: `SELECT user_id AS id FROM memberships WHERE organization_id = $1`,
  checklist: `SELECT id FROM checklist_items WHERE organization_id = $1`,
  targets: `SELECT t.id FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE p.organization_id = $1`,
  invitations: `SELECT id FROM invitations WHERE organization_id = $1`,
};

/** A theme, a channel, a post with a target, so the walk reaches past "not found". */
async function seedSomethingOfEach(demo: DemoTestApp): Promise<void> {
  const db = demo.t.db;
  const [type] = await db.query(`SELECT id FROM content_types WHERE organization_id = $1 LIMIT 1`, [demo.fjordvik]);
  const [theme] = await db.query(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`, [
    demo.fjordvik,
  ]);
  const [channel] = await db.query(
    `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'mastodon', 'Mastodon') RETURNING id`,
    [demo.fjordvik],
  );
  for (const plannedAt of ['2027-02-10T09:00:00Z', '2027-02-11T09:00:00Z']) {
    const response = await demo.admin.post(demo.url(demo.fjordvik, 'posts')).send({
      title: 'Brøyting',
      body: 'Slik brøyter vi.',
      contentTypeId: type.id,
      themeId: theme.id,
      plannedAt,
      targets: [{ channelId: channel.id }],
    });
    if (response.status !== 201) throw new Error(`could not create a post: ${response.status} ${response.text}`);
  }
}
