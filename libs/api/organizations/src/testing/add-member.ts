import { UsersService } from '@kadens/api/core';
import type { TestApp } from '@kadens/api/core/testing';
import type { Role } from '@kadens/shared/contracts';

/**
 * For tests that need one more person and are not about invitations: the account and the membership,
 * written directly (as the demo seed does), since the API only lets people join by accepting.
 */
export async function addMemberDirectly(
  t: TestApp,
  organizationId: string,
  person: { email: string; name: string; role: Role; password: string },
): Promise<string> {
  const user = await t.app.get(UsersService).create({ email: person.email, name: person.name, password: person.password });
  await t.db.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [organizationId, user.id, person.role]);
  return user.id;
}
