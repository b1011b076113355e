import type { CalendarOptions } from '@fullcalendar/angular';

/** Read by screen readers, never seen (the CDK's visually-hidden rules, inline so nothing else must load them). */
const VISUALLY_HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

/**
 * Two repairs to the markup FullCalendar draws, so the calendar reads correctly and passes axe:
 * - a month's day cell is a `gridcell` named by `aria-label` ("10 December 2026"), which hides the posts
 *   inside it from its name (WCAG 2.5.3, label in name). The date moves into the cell as hidden text, so
 *   the cell is named by everything it shows: the date, then its posts.
 * - the list view puts its posts, which are buttons, straight into a `list`, which may only hold list
 *   items; that container becomes a named `group` of buttons.
 */
export const CALENDAR_ACCESSIBILITY: Pick<CalendarOptions, 'dayCellDidMount' | 'eventDidMount'> = {
  dayCellDidMount: ({ el }) => nameDayCellByItsContent(el),
  eventDidMount: ({ el }) => groupListPosts(el),
};

export function nameDayCellByItsContent(cell: HTMLElement): void {
  const label = cell.getAttribute('aria-label');
  if (cell.getAttribute('role') !== 'gridcell' || !label) return;
  const date = cell.ownerDocument.createElement('span');
  date.setAttribute('style', VISUALLY_HIDDEN);
  date.dataset['kdDayName'] = '';
  date.textContent = label;
  cell.querySelector(':scope > [data-kd-day-name]')?.remove();
  cell.prepend(date);
  cell.removeAttribute('aria-label');
}

export function groupListPosts(post: HTMLElement): void {
  const list = post.parentElement;
  if (post.getAttribute('role') === 'button' && list?.getAttribute('role') === 'list') list.setAttribute('role', 'group');
}
