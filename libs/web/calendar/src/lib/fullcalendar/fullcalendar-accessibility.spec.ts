import { groupListPosts, nameDayCellByItsContent } from './fullcalendar-accessibility';

describe('repairs to FullCalendar’s markup', () => {
  function element(html: string): HTMLElement {
    const host = document.createElement('div');
    host.innerHTML = html;
    return host.firstElementChild as HTMLElement;
  }

  it('names a month’s day cell by the date (hidden text) and then the posts it shows, instead of aria-label', () => {
    const cell = element(
      '<div role="gridcell" aria-label="10 December 2026"><div aria-hidden="true">10</div><div role="button">Library hours</div></div>',
    );
    nameDayCellByItsContent(cell);
    expect(cell.hasAttribute('aria-label')).toBe(false);
    expect(cell.firstElementChild?.textContent).toBe('10 December 2026');
    expect(cell.textContent).toBe('10 December 202610Library hours');
    // Mounted again (FullCalendar re-labels a reused cell): still one date, the new one.
    cell.setAttribute('aria-label', '11 December 2026');
    nameDayCellByItsContent(cell);
    expect(cell.querySelectorAll('[data-kd-day-name]')).toHaveLength(1);
    expect(cell.firstElementChild?.textContent).toBe('11 December 2026');
  });

  it('leaves cells that are not labelled grid cells alone', () => {
    const cell = element('<div role="gridcell" aria-disabled="true"></div>');
    nameDayCellByItsContent(cell);
    expect(cell.outerHTML).toBe('<div role="gridcell" aria-disabled="true"></div>');
  });

  it('turns the list view’s list of post buttons into a group', () => {
    const list = element('<div role="list" aria-label="Events"><div role="button" tabindex="0">Library hours</div></div>');
    groupListPosts(list.firstElementChild as HTMLElement);
    expect(list.getAttribute('role')).toBe('group');
    const proper = element('<div role="list"><div role="listitem">A</div></div>');
    groupListPosts(proper.firstElementChild as HTMLElement);
    expect(proper.getAttribute('role')).toBe('list');
  });
});
