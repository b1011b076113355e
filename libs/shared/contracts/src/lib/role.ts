/** A member's role in one organisation. */
export const ROLES = ['admin', 'editor', 'approver', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
