import type { EventInput } from '@fullcalendar/angular';
import type { ChannelView, StaffedPeriod, Violation } from '@kadens/shared/contracts';
import { addDays, isCivilDate } from '@kadens/shared/rules';

/** The shading's colours; FullCalendar's theme lays them on at 15 % strength. */
export const BAND_COLORS = {
  thinWeek: '#f9a825',
  silence: '#c62828',
  staffed: '#2e7d32',
} as const;
export type BandKind = keyof typeof BAND_COLORS;

export type Translate = (key: string, params: Record<string, unknown>) => string;

/** What a band carries, for tests and for whoever reads the event later. */
export interface CalendarBandProps {
  band: BandKind;
  channelIds: string[];
}

interface Band {
  kind: BandKind;
  start: string;
  end: string;
  allDay: boolean;
  items: Array<{ channelId: string; params: Violation['params'] }>;
}

/**
 * The channels' warnings as background bands: a thin week (fewer posts than promised) over its
 * Monday–Sunday, a silence over its days without a post. Channels with the same stretch share one
 * band that names them all, so bands on top of each other stay rare.
 */
export function warningBandEvents(violations: readonly Violation[], channels: readonly ChannelView[], translate: Translate): EventInput[] {
  const bands = new Map<string, Band>();
  for (const violation of violations) {
    const stretch = warningStretch(violation);
    if (!stretch) continue;
    const key = `${stretch.kind}|${stretch.start}|${stretch.end}`;
    const band = bands.get(key) ?? { ...stretch, allDay: true, items: [] };
    band.items.push({ channelId: violation.channelId, params: violation.params });
    bands.set(key, band);
  }
  const name = channelNamer(channels);
  return [...bands.values()].map((band) => {
    const items = sortByChannel(band.items, channels);
    const title =
      band.kind === 'thinWeek'
        ? translate('planning.calendar.bands.thinWeek', {
            channels: items
              .map((item) => translate('planning.calendar.bands.thinWeekChannel', { channel: name(item.channelId), ...item.params }))
              .join(', '),
          })
        : translate('planning.calendar.bands.silence', {
            days: items[0]?.params['days'] ?? '',
            channels: items.map((item) => name(item.channelId)).join(', '),
          });
    return bandEvent(band, title, items.map((item) => item.channelId));
  });
}

/** When the channels are staffed, lightly shaded; channels with the same hours share one band. */
export function staffedPeriodEvents(periods: readonly StaffedPeriod[], channels: readonly ChannelView[], translate: Translate): EventInput[] {
  const bands = new Map<string, Band>();
  for (const period of periods) {
    const key = `${period.start}|${period.end}`;
    const band = bands.get(key) ?? { kind: 'staffed' as const, start: period.start, end: period.end, allDay: false, items: [] };
    band.items.push({ channelId: period.channelId, params: {} });
    bands.set(key, band);
  }
  const name = channelNamer(channels);
  return [...bands.values()].map((band) => {
    const channelIds = sortByChannel(band.items, channels).map((item) => item.channelId);
    return bandEvent(band, translate('planning.calendar.bands.staffed', { channels: channelIds.map(name).join(', ') }), channelIds);
  });
}

function warningStretch(violation: Violation): Pick<Band, 'kind' | 'start' | 'end'> | null {
  const [kind, first, last] =
    violation.rule === 'cadence.min_per_week'
      ? (['thinWeek', violation.params['weekStart'], violation.params['weekEnd']] as const)
      : violation.rule === 'cadence.max_silence'
        ? (['silence', violation.params['from'], violation.params['to']] as const)
        : [null, null, null];
  if (!kind || typeof first !== 'string' || typeof last !== 'string' || !isCivilDate(first) || !isCivilDate(last)) return null;
  // All-day ends are exclusive: the band covers its last day too.
  return { kind, start: first, end: addDays(last, 1) };
}

function bandEvent(band: Band, title: string, channelIds: string[]): EventInput {
  const extendedProps: CalendarBandProps = { band: band.kind, channelIds };
  return {
    id: `band:${band.kind}:${band.start}:${band.end}`,
    title,
    start: band.start,
    end: band.end,
    allDay: band.allDay,
    display: 'background',
    color: BAND_COLORS[band.kind],
    className: `kd-band kd-band--${band.kind}`,
    extendedProps,
  };
}

function channelNamer(channels: readonly ChannelView[]): (channelId: string) => string {
  const names = new Map(channels.map((channel) => [channel.id, channel.name]));
  return (channelId) => names.get(channelId) ?? '';
}

/** In the catalog's order, so a band names its channels the same way every time. */
function sortByChannel<T extends { channelId: string }>(items: readonly T[], channels: readonly ChannelView[]): T[] {
  const order = new Map(channels.map((channel, index) => [channel.id, index]));
  return [...items].sort((a, b) => (order.get(a.channelId) ?? channels.length) - (order.get(b.channelId) ?? channels.length));
}
