import type { PublicAvailability, PublicChannel } from '@kadens/shared/contracts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** schema.org: the organisation, with a ContactPoint per staffed channel and its opening hours. */
export function availabilityJsonLd(
  organization: PublicAvailability['organization'],
  channels: readonly PublicChannel[],
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: organization.name,
    contactPoint: channels
      .filter((channel) => channel.serviceHours)
      .map((channel) => ({
        '@type': 'ContactPoint',
        name: channel.name,
        contactType: 'customer service',
        availableLanguage: organization.defaultLocale,
        ...(channel.description ? { description: channel.description } : {}),
        hoursAvailable: (channel.serviceHours?.weeklyHours ?? []).flatMap((day) =>
          day.intervals.map((interval) => ({
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: `https://schema.org/${DAYS[day.weekday - 1]}`,
            opens: interval.start,
            closes: interval.end,
          })),
        ),
      })),
  };
}
