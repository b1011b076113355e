import type { TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

/** Promises kept on a Facebook channel in Fjordvik (Europe/Oslo, Norway's holidays). */
export const FJORDVIK_PROMISES = {
  cadence: {
    maxPostsPerDay: 2,
    minMinutesBetweenPosts: 120,
    minPostsPerWeek: 3,
    maxDaysOfSilence: 4,
    preferredSlots: ['Tu,Th 09:30'],
    publicDescription: 'Vi poster 3–5 ganger i uka',
  },
  serviceHours: {
    openingHours: 'Mo-Fr 09:00-12:00; PH off',
    responseWindowMinutes: 60,
    closedPeriods: [{ start: '2027-07-05', end: '2027-07-30', reason: 'Sommerstengt' }],
  },
};

/** The demo's Fjordvik with a theme and two channels of its own, and its admin, editor and approver logged in. */
export interface PromisesWorld {
  org: string;
  admin: TestAgent;
  editor: TestAgent;
  approver: TestAgent;
  /** `theme`, `channel` (Facebook), `other` (LinkedIn) and each content type by its key (`news`, `question_poll`, …). */
  ids: Record<string, string>;
  url(path: string): string;
}

/** Seeds the demo and adds what the promise tests plan on; `t` must include PromisesModule. */
export async function promisesWorld(t: TestApp): Promise<PromisesWorld> {
  await t.app.get(DemoSeeder).seed();
  const [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
  const ids: Record<string, string> = {};
  const [{ id: theme }] = await t.db.query(
    `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Service', '#00897b') RETURNING id`,
    [org],
  );
  ids['theme'] = theme;
  const [{ id: channel }] = await t.db.query(
    `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'facebook', 'Facebook') RETURNING id`,
    [org],
  );
  ids['channel'] = channel;
  const [{ id: other }] = await t.db.query(
    `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'linkedin', 'LinkedIn') RETURNING id`,
    [org],
  );
  ids['other'] = other;
  for (const row of await t.db.query(`SELECT id, key FROM content_types WHERE organization_id = $1`, [org])) ids[row.key] = row.id;
  return {
    org,
    admin: await t.loginAs('admin@kadens.demo', DEMO_PASSWORD),
    editor: await t.loginAs('editor@kadens.demo', DEMO_PASSWORD),
    approver: await t.loginAs('approver@kadens.demo', DEMO_PASSWORD),
    ids,
    url: (path: string) => `/api/organizations/${org}/${path}`,
  };
}
