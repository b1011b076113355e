import { ROLES, type Role } from '@kadens/shared/contracts';

import { hasPermission, PERMISSIONS, type Permission } from './permissions';

describe('hasPermission', () => {
  const cases: Array<[Role | null, Permission, boolean]> = [
    ['admin', 'members.manage', true],
    ['admin', 'publishing.pause', true],
    ['editor', 'publishing.pause', false],
    ['editor', 'publishing.manage', true],
    ['approver', 'publishing.manage', true],
    ['viewer', 'publishing.manage', false],
    ['admin', 'channels.connect', true],
    ['editor', 'channels.connect', false],
    ['editor', 'members.manage', false],
    ['editor', 'posts.edit', true],
    ['editor', 'posts.approve', false],
    ['editor', 'strategy.edit', true],
    ['approver', 'posts.approve', true],
    ['approver', 'rules.override', true],
    ['approver', 'strategy.edit', false],
    ['viewer', 'posts.read', true],
    ['viewer', 'posts.edit', false],
    ['viewer', 'organization.update', false],
    [null, 'organization.read', false],
  ];

  it.each(cases)('%s may %s: %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });

  it('gives admins every permission and every role read access', () => {
    for (const permission of PERMISSIONS) expect(hasPermission('admin', permission)).toBe(true);
    for (const role of ROLES) expect(hasPermission(role, 'organization.read')).toBe(true);
  });
});
