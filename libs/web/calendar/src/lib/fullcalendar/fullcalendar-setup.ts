import type { LocaleInput, PluginInput } from '@fullcalendar/angular';
import type { Locale } from '@kadens/shared/contracts';
import dayGridPlugin from 'fullcalendar/daygrid';
import interactionPlugin from 'fullcalendar/interaction';
import listPlugin from 'fullcalendar/list';
import daLocale from 'fullcalendar/locales/da';
import enGbLocale from 'fullcalendar/locales/en-gb';
import nbLocale from 'fullcalendar/locales/nb';
import svLocale from 'fullcalendar/locales/sv';
import monarchTheme from 'fullcalendar/themes/monarch';
import timeGridPlugin from 'fullcalendar/timegrid';

import type { CalendarView } from '../calendar-url-state/calendar-url-state';

/** Monarch is FullCalendar's Material-3 look; its CSS comes in the lazy `fullcalendar.css` bundle. */
export const CALENDAR_PLUGINS: PluginInput[] = [monarchTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

/** English as written in Europe: 24-hour clock, weeks from Monday. */
export const CALENDAR_LOCALES: Readonly<Record<Locale, LocaleInput>> = {
  nb: nbLocale,
  da: daLocale,
  sv: svLocale,
  en: enGbLocale,
};

export const FULLCALENDAR_VIEWS: Readonly<Record<CalendarView, string>> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
};

export function calendarViewOf(fullCalendarView: string): CalendarView {
  const found = (Object.keys(FULLCALENDAR_VIEWS) as CalendarView[]).find((view) => FULLCALENDAR_VIEWS[view] === fullCalendarView);
  return found ?? 'month';
}
