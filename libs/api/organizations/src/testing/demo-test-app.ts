import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import type { ModuleMetadata } from '@nestjs/common';
import type TestAgent from 'supertest/lib/agent';

import { DEMO_PASSWORD, DemoSeeder } from '../lib/demo/demo-seeder';

/** The demo organisations and their people, logged in, on a fresh database with the given modules. */
export interface DemoTestApp {
  t: TestApp;
  /** Admin of both Fjordvik and Bølgeby. */
  admin: TestAgent;
  /** Editor in Fjordvik only. */
  editor: TestAgent;
  /** Approver in both. */
  approver: TestAgent;
  /** Viewer in Fjordvik only. */
  viewer: TestAgent;
  fjordvik: string;
  bolgeby: string;
  /** User id by demo e-mail, across both organisations. */
  userIds: Record<string, string>;
  /** `/api/organizations/{organizationId}/{path}`. */
  url(organizationId: string, path: string): string;
}

export async function startDemoTestApp(imports: ModuleMetadata['imports'], env: Record<string, string> = {}): Promise<DemoTestApp> {
  const t = await createTestApp(imports, env);
  await t.app.get(DemoSeeder).seed();
  const [admin, editor, approver, viewer] = await Promise.all(
    ['admin', 'editor', 'approver', 'viewer'].map((role) => t.loginAs(`${role}@kadens.demo`, DEMO_PASSWORD)),
  );
  if (!admin || !editor || !approver || !viewer) throw new Error('demo login failed');
  const organizations: Array<{ id: string; slug: string }> = await t.db.query(`SELECT id, slug FROM organizations`);
  const idOf = (slug: string) => organizations.find((o) => o.slug === slug)?.id ?? '';
  const users: Array<{ id: string; email: string }> = await t.db.query(`SELECT id, email FROM users`);
  return {
    t,
    admin,
    editor,
    approver,
    viewer,
    fjordvik: idOf('fjordvik'),
    bolgeby: idOf('bolgeby'),
    userIds: Object.fromEntries(users.map((u) => [u.email, u.id])),
    url: (organizationId, path) => `/api/organizations/${organizationId}/${path}`,
  };
}
