import { type Platform, PLATFORMS } from '@kadens/shared/contracts';

/** The inbox names platforms as strings; only known ones get a badge. */
export function knownPlatforms(platforms: readonly string[]): Platform[] {
  return platforms.filter((platform): platform is Platform => (PLATFORMS as readonly string[]).includes(platform));
}
