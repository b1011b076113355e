import { APP_CONFIG, type AppConfig, UsersService } from '@kadens/api/core';
import type { CreateOrganizationRequest, Role } from '@kadens/shared/contracts';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { Membership } from '../members/membership.entity';
import { BOLGEBY } from './demo-bolgeby';
import type { DemoStrategy } from './demo-content';
import { FJORDVIK } from './demo-fjordvik';
import { seedDemoYear } from './demo-year';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';

/** The demo accounts' shared password, named in the README. */
export const DEMO_PASSWORD = 'kadens-demo';

const DEMO_ORGANIZATIONS: CreateOrganizationRequest[] = [
  { name: 'Fjordvik kommune', slug: 'fjordvik', timeZone: 'Europe/Oslo', country: 'NO', defaultLocale: 'nb' },
  { name: 'Bølgeby Kommune', slug: 'bolgeby', timeZone: 'Europe/Copenhagen', country: 'DK', defaultLocale: 'da' },
];

/** Each demo organisation's year of posts and results (issue 13), and who wrote and approved them. */
const DEMO_YEARS: Record<string, { strategy: DemoStrategy; author: string; approver: string; admin: string }> = {
  fjordvik: { strategy: FJORDVIK, author: 'editor@kadens.demo', approver: 'approver@kadens.demo', admin: 'admin@kadens.demo' },
  bolgeby: { strategy: BOLGEBY, author: 'redaktor@kadens.demo', approver: 'approver@kadens.demo', admin: 'admin@kadens.demo' },
};

const DEMO_PEOPLE: Array<{ email: string; name: string; roles: Record<string, Role> }> = [
  { email: 'admin@kadens.demo', name: 'Ada Admin', roles: { fjordvik: 'admin', bolgeby: 'admin' } },
  { email: 'editor@kadens.demo', name: 'Erik Redaktør', roles: { fjordvik: 'editor' } },
  { email: 'approver@kadens.demo', name: 'Anne Godkjenner', roles: { fjordvik: 'approver', bolgeby: 'approver' } },
  { email: 'viewer@kadens.demo', name: 'Vera Leser', roles: { fjordvik: 'viewer' } },
  { email: 'redaktor@kadens.demo', name: 'Mette Redaktør', roles: { bolgeby: 'editor' } },
];

/** Seeds the demo organisations once, when KADENS_SEED_DEMO is on (the embedded default of `npm start`). */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.seed();
    await this.seedYear();
  }

  async seed(): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Serialises seeding across replicas that boot together.
      await tx.query('SELECT pg_advisory_xact_lock(4242018)');
      if (await tx.getRepository(Organization).existsBy({ slug: DEMO_ORGANIZATIONS[0]?.slug })) return;
      const people = [];
      for (const person of DEMO_PEOPLE) {
        const existing = await this.users.findByEmail(person.email, tx);
        people.push({ ...person, user: existing ?? (await this.users.create({ ...person, password: DEMO_PASSWORD }, tx)) });
      }
      for (const [order, input] of DEMO_ORGANIZATIONS.entries()) {
        const admin = people.find((p) => p.roles[input.slug] === 'admin');
        if (!admin) continue;
        const organization = await this.organizations.create(admin.user.id, input, tx);
        const others = people.filter((p) => p !== admin && p.roles[input.slug]);
        for (const person of others) {
          await tx
            .getRepository(Membership)
            .insert({ organizationId: organization.id, userId: person.user.id, role: person.roles[input.slug] as Role });
        }
        // One transaction gives every membership the same `created_at`, and `/api/me` then lists the
        // organisations by name, so "Bølgeby" came first and the Norwegian demo people landed in the
        // Danish organisation. Each organisation's memberships are a minute younger than the previous ones'.
        await tx.query(`UPDATE memberships SET created_at = created_at + make_interval(mins => $2) WHERE organization_id = $1`, [
          organization.id,
          order,
        ]);
      }
      this.logger.log(
        `Seeded the demo organisations; log in as ${DEMO_PEOPLE.map((p) => p.email).join(', ')} with password "${DEMO_PASSWORD}"`,
      );
    });
  }

  /**
   * A year of published posts with results, the strategy they were planned against and the audiences'
   * monthly effect results, in each demo organisation that has none yet (issue 13) — so a newcomer's first
   * look at Reports shows something real-looking. Only on boot with KADENS_SEED_DEMO: the integration
   * tests' `seed()` leaves the organisations empty.
   */
  async seedYear(now = new Date()): Promise<void> {
    const started = Date.now();
    const written = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242019)');
      const organizations: Array<{ id: string; slug: string; time_zone: string }> = await tx.query(
        `SELECT id, slug, time_zone FROM organizations WHERE slug = ANY($1::text[])`,
        [Object.keys(DEMO_YEARS)],
      );
      const summaries: string[] = [];
      for (const organization of organizations) {
        const year = DEMO_YEARS[organization.slug];
        if (!year) continue;
        const members: Array<{ email: string; user_id: string }> = await tx.query(
          `SELECT u.email, m.user_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1`,
          [organization.id],
        );
        const idOf = (email: string) => members.find((m) => m.email === email)?.user_id;
        const [adminId, authorId, approverId] = [idOf(year.admin), idOf(year.author), idOf(year.approver)];
        if (!adminId || !authorId || !approverId) continue;
        const counts = await seedDemoYear(
          tx,
          { id: organization.id, slug: organization.slug, timeZone: organization.time_zone },
          { adminId, authorId, approverId },
          year.strategy,
          now,
        );
        if (counts) summaries.push(`${organization.slug}: ${counts.posts} posts, ${counts.targets} targets, ${counts.snapshots} snapshots`);
      }
      return summaries;
    });
    if (written.length > 0) this.logger.log(`Seeded the demo year in ${Date.now() - started} ms (${written.join('; ')})`);
  }
}
