import type { EventInput } from '@fullcalendar/angular';
import type { CalendarEntry } from '@kadens/shared/contracts';
import { DELIVERY_STARTED_STATES } from '@kadens/shared/rules';
import type { PlanningCatalog } from '@kadens/web/data-access';

/** For a post whose theme is unknown to the page (it should not happen, but never draw nothing). */
const FALLBACK_COLOR = '#5f6368';

/** What an event carries for its template and for the drag handler. */
export interface CalendarEventProps {
  entry: CalendarEntry;
}

/**
 * The calendar's events: one per planned post, in its theme's colour with readable text on it.
 * Only people who may edit posts can drag them, and never once a channel has started publishing.
 */
export function calendarEventInputs(entries: readonly CalendarEntry[], catalog: PlanningCatalog, canEdit: boolean): EventInput[] {
  const colors = new Map(catalog.themes.map((theme) => [theme.id, theme.color]));
  return entries.map((entry) => {
    const color = colors.get(entry.themeId) ?? FALLBACK_COLOR;
    const delivering = entry.targets.some((target) => DELIVERY_STARTED_STATES.includes(target.state));
    const extendedProps: CalendarEventProps = { entry };
    return {
      id: entry.id,
      title: entry.title,
      start: entry.plannedAt,
      allDay: false,
      color,
      contrastColor: readableTextColor(color),
      editable: canEdit && entry.state !== 'cancelled' && !delivering,
      extendedProps,
    };
  });
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function readableTextColor(hex: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return '#ffffff';
  const channels = [0, 2, 4].map((offset) => parseInt(match[1]?.slice(offset, offset + 2) ?? '0', 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05; they are equal at L≈0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
