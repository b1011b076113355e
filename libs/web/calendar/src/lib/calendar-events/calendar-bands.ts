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

type Translate = (key: string, params: Record<string, unknown>) => string;

/** What a band carries, for tests and for whoever reads the event later. */
interface CalendarBandProps {
  band: BandKind;
  channelIds: string[];
}

/** A week-level warning, said once above the week view instead of in every day's column. */
export interface WeekNotice {
  id: string;
  band: Exclude<BandKind, 'staffed'>;
  text: string;
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
  return titledWarningBands(violations, channels, translate).map(({ band, title, channelIds }) => bandEvent(band, title, channelIds));
}

/**
 * The week view draws a warning's band in every day's column, so its text goes here instead: each
 * warning that touches the shown days once, for a notice above the grid; the bands stay, untitled.
 */
export function weekNotices(
  violations: readonly Violation[],
  channels: readonly ChannelView[],
  translate: Translate,
  from: string,
  to: string,
): WeekNotice[] {
  return titledWarningBands(violations, channels, translate)
    .filter(({ band }) => band.start < to && band.end > from)
    .map(({ band, title }) => ({
      id: `notice:${band.kind}:${band.start}:${band.end}`,
      band: band.kind as WeekNotice['band'],
      text: title,
    }));
}

/** The warning bands without their titles, for the week view (see `weekNotices`). */
export function untitledWarningBandEvents(
  violations: readonly Violation[],
  channels: readonly ChannelView[],
  translate: Translate,
): EventInput[] {
  return warningBandEvents(violations, channels, translate).map((event) => ({ ...event, title: '' }));
}

function titledWarningBands(
  violations: readonly Violation[],
  channels: readonly ChannelView[],
  translate: Translate,
): Array<{ band: Band; title: string; channelIds: string[] }> {
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
    return { band, title, channelIds: items.map((item) => item.channelId) };
  });
}

/** Formats an instant as a wall-clock time in the organisation's zone, e.g. "08:00". */
type Clock = (instant: string) => string;

/**
 * When the channels are staffed, lightly shaded; channels with the same hours share one band. Bands
 * that overlap (08–16 and 08–12, say) would print their labels on the same spot, so the first band of
 * such a cluster carries one label naming every group with its hours, and the others stay untitled.
 */
export function staffedPeriodEvents(
  periods: readonly StaffedPeriod[],
  channels: readonly ChannelView[],
  translate: Translate,
  clock?: Clock,
): EventInput[] {
  const bands = new Map<string, Band>();
  for (const period of periods) {
    const key = `${period.start}|${period.end}`;
    const band = bands.get(key) ?? { kind: 'staffed' as const, start: period.start, end: period.end, allDay: false, items: [] };
    band.items.push({ channelId: period.channelId, params: {} });
    bands.set(key, band);
  }
  const name = channelNamer(channels);
  const names = (band: Band) =>
    sortByChannel(band.items, channels)
      .map((item) => name(item.channelId))
      .join(', ');
  return overlapClusters([...bands.values()]).flatMap((cluster) => {
    const title =
      cluster.length === 1 || !clock
        ? translate('planning.calendar.bands.staffed', { channels: cluster.map(names).join('; ') })
        : translate('planning.calendar.bands.staffed', {
            channels: cluster
              .map((band) =>
                translate('planning.calendar.bands.staffedHours', { channels: names(band), from: clock(band.start), to: clock(band.end) }),
              )
              .join('; '),
          });
    return cluster.map((band, index) =>
      bandEvent(
        band,
        index === 0 ? title : '',
        sortByChannel(band.items, channels).map((item) => item.channelId),
      ),
    );
  });
}

/** Bands in order of start (longest first), grouped where they overlap in time. */
function overlapClusters(bands: readonly Band[]): Band[][] {
  const sorted = [...bands].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(b.end) - Date.parse(a.end));
  const clusters: Band[][] = [];
  let clusterEnd = -Infinity;
  for (const band of sorted) {
    const current = clusters.at(-1);
    if (current && Date.parse(band.start) < clusterEnd) current.push(band);
    else clusters.push([band]);
    clusterEnd = Math.max(current && Date.parse(band.start) < clusterEnd ? clusterEnd : -Infinity, Date.parse(band.end));
  }
  return clusters;
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
