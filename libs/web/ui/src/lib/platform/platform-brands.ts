import type { Platform } from '@kadens/shared/contracts';

/** How a platform is recognised at a glance, without loading its logo from anywhere. */
interface PlatformBrand {
  /** The service's own name, the same in every language Kadens speaks. */
  name: string;
  /** A short sign standing in for the logo, which Kadens does not ship. */
  mark: string;
  /** The service's colour, darkened where needed so white text on it has at least 4.5:1 contrast. */
  color: string;
}

/** The one table of platform brands: badges in the composer, calendar, inbox, strategy and public page. */
export const PLATFORM_BRANDS: Readonly<Record<Platform, PlatformBrand>> = {
  facebook: { name: 'Facebook', mark: 'f', color: '#0b5fcc' },
  instagram: { name: 'Instagram', mark: 'IG', color: '#c13584' },
  linkedin: { name: 'LinkedIn', mark: 'in', color: '#0a66c2' },
  x: { name: 'X', mark: 'X', color: '#000000' },
  mastodon: { name: 'Mastodon', mark: 'M', color: '#563acc' },
  bluesky: { name: 'Bluesky', mark: 'B', color: '#0066cc' },
  wordpress: { name: 'WordPress', mark: 'W', color: '#21759b' },
  webhook: { name: 'Webhook', mark: '{}', color: '#4a5563' },
};

/** Platforms are brand names, the same in every language Kadens speaks. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = Object.fromEntries(
  Object.entries(PLATFORM_BRANDS).map(([platform, brand]) => [platform, brand.name]),
) as Record<Platform, string>;
