import { createTestApp, type TestApp } from '@kadens/api/core/testing';

import { ReportsModule } from '../reports.module';

describe('the rollup refresher under the scheduler role', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The demo seeder writes its year of target_results (rollup pending) while the organisations module
    // boots, before this module's refresher starts: its first round builds the demo organisations' reports.
    t = await createTestApp([ReportsModule], { APP_ROLES: 'api,scheduler', KADENS_SEED_DEMO: 'true' });
  }, 60_000);
  afterAll(() => t?.close());

  it('builds the rollups of what the demo seeder wrote, right after boot', async () => {
    const deadline = Date.now() + 30_000;
    let state: { pending: number; targets: number; counted: number } = { pending: -1, targets: 0, counted: 0 };
    while (Date.now() < deadline) {
      [state] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM target_results WHERE rollup_pending) AS pending,
                (SELECT count(*)::int FROM target_results) AS targets,
                (SELECT COALESCE(sum(posts), 0)::int FROM report_rollups WHERE dimension = 'total') AS counted`,
      );
      if (state.pending === 0 && state.counted === state.targets) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state.pending).toBe(0);
    expect(state.counted).toBe(state.targets);
  }, 40_000);
});
