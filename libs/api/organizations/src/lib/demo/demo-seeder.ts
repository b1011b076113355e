import { APP_CONFIG, type AppConfig, UsersService } from '@kadens/api/core';
import type { CreateOrganizationRequest, Role } from '@kadens/shared/contracts';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { Membership } from '../members/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';

/** The demo accounts' shared password, named in the README. */
export const DEMO_PASSWORD = 'kadens-demo';

const DEMO_ORGANIZATIONS: CreateOrganizationRequest[] = [
  { name: 'Fjordvik kommune', slug: 'fjordvik', timeZone: 'Europe/Oslo', country: 'NO', defaultLocale: 'nb' },
  { name: 'Bølgeby Kommune', slug: 'bolgeby', timeZone: 'Europe/Copenhagen', country: 'DK', defaultLocale: 'da' },
];

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
    if (this.config.seedDemo) await this.seed();
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
}
