import { type Platform, PLATFORMS } from '@kadens/shared/contracts';
import { PLATFORM_BRANDS } from '@kadens/web/ui';

interface PlatformMark {
  /** The service's own name, the same in every language; null when it needs words (a webhook). */
  name: string | null;
  /** A short sign shown beside the name; decoration only, the name carries the meaning. */
  sign: string;
  /** The service's colour, under white text. */
  color: string;
}

/** How each platform is recognised at a glance: the app's one brand table, with a webhook left to words. */
export const PLATFORM_MARKS: Readonly<Record<Platform, PlatformMark>> = Object.fromEntries(
  PLATFORMS.map((platform) => {
    const brand = PLATFORM_BRANDS[platform];
    return [platform, { name: platform === 'webhook' ? null : brand.name, sign: brand.mark, color: brand.color }];
  }),
) as Record<Platform, PlatformMark>;
