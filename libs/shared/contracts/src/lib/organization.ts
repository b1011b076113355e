import type { Country } from './country';
import type { OrganizationId, UserId } from './ids';
import type { Locale } from './locale';
import type { Role } from './role';

export interface OrganizationView {
  id: OrganizationId;
  name: string;
  slug: string;
  /** IANA time zone in which every wall-clock rule of the organisation runs, e.g. Europe/Oslo. */
  timeZone: string;
  country: Country;
  defaultLocale: Locale;
  /** Hours per week the people behind the channels have; the strategy page weighs initiatives against it. */
  capacityHoursPerWeek: number | null;
  /** The highest LIX readability index its texts should have; null means the default (40). Absent from older fixtures. */
  readabilityTarget?: number | null;
  createdAt: string;
}

export interface CreateOrganizationRequest {
  name: string;
  slug: string;
  timeZone: string;
  country: Country;
  defaultLocale: Locale;
  capacityHoursPerWeek?: number | null;
  readabilityTarget?: number | null;
}

export type UpdateOrganizationRequest = Partial<CreateOrganizationRequest>;

export interface MemberView {
  userId: UserId;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface UpdateMemberRequest {
  role: Role;
}

/** Slugs appear in public URLs: lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
