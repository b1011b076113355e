import type { Platform } from '@kadens/shared/contracts';

export interface PlatformMark {
  /** The service's own name, the same in every language; null when it needs words (a webhook). */
  name: string | null;
  /** A short sign shown beside the name; decoration only, the name carries the meaning. */
  sign: string;
  /** The service's colour, under white text. */
  color: string;
}

/** How each platform is recognised at a glance, without loading its logo from anywhere. */
export const PLATFORM_MARKS: Readonly<Record<Platform, PlatformMark>> = {
  facebook: { name: 'Facebook', sign: 'f', color: '#1877f2' },
  instagram: { name: 'Instagram', sign: 'IG', color: '#c13584' },
  linkedin: { name: 'LinkedIn', sign: 'in', color: '#0a66c2' },
  x: { name: 'X', sign: 'X', color: '#000000' },
  mastodon: { name: 'Mastodon', sign: 'M', color: '#563acc' },
  bluesky: { name: 'Bluesky', sign: 'B', color: '#0066cc' },
  wordpress: { name: 'WordPress', sign: 'W', color: '#21759b' },
  webhook: { name: null, sign: '↗', color: '#4a5563' },
};
