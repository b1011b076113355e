/** The calendar lives in its own library, loaded with this route (FullCalendar stays out of the first load). */
export { CALENDAR_ROUTES } from '@kadens/web/calendar';
