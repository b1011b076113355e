import type { Role } from '@kadens/shared/contracts';

/**
 * Every action a member can take, named for what it does. The API guard and the web's show/hide logic
 * both read this one map, so a button is never offered for an action the server would refuse.
 */
export const PERMISSIONS = [
  'organization.read',
  'organization.update',
  'members.read',
  'members.manage',
  'strategy.read',
  'strategy.edit',
  'posts.read',
  'posts.edit',
  'posts.approve',
  'rules.override',
  'publishing.pause',
  'publishing.manage',
  'channels.connect',
  'audit.read',
  'reports.read',
  'results.edit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['organization.read', 'members.read', 'strategy.read', 'posts.read', 'reports.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  editor: [...READ, 'strategy.edit', 'posts.edit', 'publishing.manage', 'results.edit'],
  approver: [...READ, 'posts.edit', 'posts.approve', 'rules.override', 'publishing.manage', 'results.edit'],
  viewer: READ,
};

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}
