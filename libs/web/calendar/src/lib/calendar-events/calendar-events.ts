import type { EventInput } from '@fullcalendar/angular';
import type { CalendarEntry, Platform } from '@kadens/shared/contracts';
import { DELIVERY_STARTED_STATES, visiblePostState, visibleTargetState, type VisibleState } from '@kadens/shared/rules';
import type { PlanningCatalog } from '@kadens/web/data-access';
import { relativeLuminance } from '@kadens/web/util';

/** For a post whose theme is unknown to the page (it should not happen, but never draw nothing). */
const FALLBACK_COLOR = '#5f6368';

/** What an event carries for its template and for the drag handler. */
export interface CalendarEventProps {
  entry: CalendarEntry;
  /** The post's one visible state, sign-off and delivery together. */
  state: VisibleState;
  targets: Array<{ channelId: string; platform: Platform; state: VisibleState }>;
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
    const extendedProps: CalendarEventProps = {
      entry,
      state: visiblePostState(
        entry.state,
        entry.targets.map((target) => target.state),
      ),
      targets: entry.targets.map((target) => ({
        channelId: target.channelId,
        platform: target.platform,
        state: visibleTargetState(entry.state, target.state),
      })),
    };
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
  const luminance = relativeLuminance(hex);
  if (Number.isNaN(luminance)) return '#ffffff';
  // Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05; they are equal at L≈0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
