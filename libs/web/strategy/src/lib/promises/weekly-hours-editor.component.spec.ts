import type { ChannelPromisesView } from '@kadens/shared/contracts';

import { ChannelsSectionComponent } from '../channels/channels-section.component';
import { MONDAY_MORNING, PROMISES, strategyData } from '../testing/strategy-fixtures.testing';
import { flushChannelPromises, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { CURRENT_TIME } from './current-time';

const FACEBOOK_URL = '/api/organizations/o1/channels/c1/promises';
const INSTAGRAM_URL = '/api/organizations/o1/channels/c2/promises';

describe('service hours as a week', () => {
  async function render(promises: ChannelPromisesView[] = PROMISES) {
    const bed = await setUpStrategyTestBed('editor', [{ provide: CURRENT_TIME, useValue: () => MONDAY_MORNING }]);
    const rendered = await renderWithStrategy(ChannelsSectionComponent, bed.http, strategyData());
    flushChannelPromises(bed.http, promises);
    await rendered.settle();
    await rendered.settle();
    const { element, find, findAll, settle } = rendered;
    const openPromises = async (index = 0) => {
      await rendered.click('channel-promises', index);
      await settle();
    };
    /** Each day as "Monday: 09:00–12:00, 13:00–14:00" or "Saturday: Closed", as the inputs hold it. */
    const week = () =>
      findAll('weekly-day').map((day) => {
        const name = day.querySelector('legend')?.textContent?.trim();
        const ranges = [...day.querySelectorAll('[data-testid="weekly-range"]')].map((range) => {
          const [from, to] = [...range.querySelectorAll('input')].map((input) => input.value);
          return `${from}–${to}`;
        });
        return `${name}: ${ranges.length ? ranges.join(', ') : day.querySelector('[data-testid="weekly-closed"]')?.textContent?.trim()}`;
      });
    const input = (testId: 'weekly-from' | 'weekly-to', day: number, index = 0) => {
      const found = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"][data-day="${day}"][data-index="${index}"]`);
      if (!found) throw new Error(`no ${testId} on day ${day}, range ${index}`);
      return found;
    };
    /** Types a time into a range's field and leaves it. */
    const type = async (testId: 'weekly-from' | 'weekly-to', day: number, index: number, value: string) => {
      const field = input(testId, day, index);
      field.value = value;
      field.dispatchEvent(new Event('input'));
      field.dispatchEvent(new Event('change'));
      field.dispatchEvent(new Event('blur'));
      await settle();
    };
    const clickIn = async (testId: string, day: number) => {
      const button = element.querySelector<HTMLElement>(`[data-testid="weekly-day"][data-day="${day}"] [data-testid="${testId}"]`);
      if (!button) throw new Error(`no ${testId} on day ${day}`);
      button.click();
      await settle();
    };
    const holidaysToggle = () => find('weekly-closed-on-holidays')?.querySelector<HTMLButtonElement>('button') ?? null;
    const advancedToggle = () => find('promises-hours-advanced')?.querySelector<HTMLButtonElement>('button') ?? null;
    return { ...bed, ...rendered, openPromises, week, input, type, clickIn, holidaysToggle, advancedToggle };
  }

  it('opens with the stored hours as a week, every field named by its day', async () => {
    const { openPromises, week, input, holidaysToggle, find, text } = await render();
    await openPromises();
    expect(find('promises-opening-hours')).toBeNull();
    expect(week()).toEqual([
      'Monday: 09:00–12:00',
      'Tuesday: 09:00–12:00',
      'Wednesday: 09:00–12:00',
      'Thursday: 09:00–12:00',
      'Friday: 09:00–12:00',
      'Saturday: Closed',
      'Sunday: Closed',
    ]);
    expect(holidaysToggle()?.getAttribute('aria-checked')).toBe('true');
    expect(input('weekly-from', 3).getAttribute('aria-label')).toBe('From, Wednesday, time 1');
    expect(input('weekly-to', 3).getAttribute('aria-label')).toBe('To, Wednesday, time 1');
    expect(find('weekly-remove')?.getAttribute('aria-label')).toBe('Remove time 1 on Monday');
    expect(find('weekly-add')?.getAttribute('aria-label')).toBe('Add time on Monday');
    expect(text('weekly-copy-monday')).toBe('Copy Monday to Tue–Fri');
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 09:00-12:00; PH off');
  });

  it('builds weekday mornings, closed on public holidays, from nothing and saves them as opening_hours', async () => {
    const { openPromises, clickIn, click, week, text, findAll, fill, http, holidaysToggle } = await render();
    await openPromises(1);
    expect(week().every((day) => day.endsWith(': Closed'))).toBe(true);
    expect(findAll('promises-hours-written')).toHaveLength(0);
    await clickIn('weekly-add', 1);
    expect(week()[0]).toBe('Monday: 09:00–12:00');
    await click('weekly-copy-monday');
    expect(week().slice(0, 6)).toEqual([
      'Monday: 09:00–12:00',
      'Tuesday: 09:00–12:00',
      'Wednesday: 09:00–12:00',
      'Thursday: 09:00–12:00',
      'Friday: 09:00–12:00',
      'Saturday: Closed',
    ]);
    expect(holidaysToggle()?.getAttribute('aria-checked')).toBe('true');
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 09:00-12:00; PH off');
    expect(text('promises-preview-holidays')).toBe('Closed on public holidays.');
    fill('promises-response-window', '1');
    await click('promises-save');
    expect(http.expectOne({ method: 'PUT', url: INSTAGRAM_URL }).request.body).toEqual({
      cadence: null,
      serviceHours: { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] },
    });
  });

  it('takes times as people type them, and a second range of the day', async () => {
    const { openPromises, clickIn, type, input, week, text } = await render();
    await openPromises();
    await clickIn('weekly-add', 1);
    // The new range starts an hour after the last one, and its first field has the focus.
    expect(week()[0]).toBe('Monday: 09:00–12:00, 13:00–14:00');
    expect(document.activeElement).toBe(input('weekly-from', 1, 1));
    await type('weekly-to', 1, 1, '1530');
    await type('weekly-from', 2, 0, '8');
    await type('weekly-to', 2, 0, '11.45');
    expect(week().slice(0, 2)).toEqual(['Monday: 09:00–12:00, 13:00–15:30', 'Tuesday: 08:00–11:45']);
    expect(text('promises-hours-written')).toBe(
      'Saved as opening_hours: Mo 09:00-12:00,13:00-15:30; Tu 08:00-11:45; We-Fr 09:00-12:00; PH off',
    );
  });

  it('says what is wrong next to the field, and does not save', async () => {
    const { openPromises, type, input, click, http, text, element } = await render();
    await openPromises();
    await type('weekly-to', 5, 0, '08:00');
    const endError = element.querySelector('[data-testid="weekly-to-error"]');
    expect(endError?.textContent?.trim()).toBe('Must be after the start. Past midnight? End at 24:00 and go on from 00:00 the next day.');
    // Tied to its field: the field is described by the message and marked invalid.
    expect(input('weekly-to', 5).getAttribute('aria-describedby')).toContain(endError?.id);
    expect(input('weekly-to', 5).getAttribute('aria-invalid')).toBe('true');
    // The text underneath keeps the last valid week.
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 09:00-12:00; PH off');
    await click('promises-save');
    http.expectNone(FACEBOOK_URL);

    await type('weekly-to', 5, 0, '24');
    expect(element.querySelector('[data-testid="weekly-to-error"]')).toBeNull();
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Th 09:00-12:00; Fr 09:00-24:00; PH off');
  });

  it('refuses overlapping ranges with the range they overlap, and a time that is not one', async () => {
    const { openPromises, clickIn, type, element, click, http } = await render();
    await openPromises();
    await clickIn('weekly-add', 2);
    await type('weekly-from', 2, 1, '11:00');
    expect(element.querySelector('[data-testid="weekly-from-error"]')?.textContent?.trim()).toBe('Overlaps 09:00–12:00 on the same day.');
    await type('weekly-from', 2, 1, 'noon');
    expect(element.querySelector('[data-testid="weekly-from-error"]')?.textContent?.trim()).toBe('Write a time such as 09:00.');
    await click('promises-save');
    http.expectNone(FACEBOOK_URL);
  });

  it('removes ranges; a week without any promises no service hours', async () => {
    const { openPromises, clickIn, week, findAll, click, http, find } = await render();
    await openPromises();
    await clickIn('weekly-remove', 1);
    expect(week()[0]).toBe('Monday: Closed');
    expect(document.activeElement).toBe(find('weekly-add'));
    for (const day of [2, 3, 4, 5]) await clickIn('weekly-remove', day);
    expect(findAll('promises-hours-written')).toHaveLength(0);
    expect(findAll('promises-response-window')).toHaveLength(0);
    await click('promises-save');
    expect(http.expectOne({ method: 'PUT', url: FACEBOOK_URL }).request.body.serviceHours).toBeNull();
  });

  it('opens public holidays when asked', async () => {
    const { openPromises, holidaysToggle, settle, text, findAll } = await render();
    await openPromises();
    holidaysToggle()?.click();
    await settle();
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 09:00-12:00');
    expect(findAll('promises-preview-holidays')).toHaveLength(0);
  });

  it('keeps hours the week cannot show in advanced mode, says why, and saves them untouched', async () => {
    const openingHours = 'week 01-26 Mo-Fr 09:00-12:00; PH off';
    const promises: ChannelPromisesView[] = [
      {
        ...PROMISES[0],
        channelId: 'c1',
        serviceHours: { openingHours, responseWindowMinutes: 60, closedPeriods: [] },
      } as ChannelPromisesView,
      PROMISES[1] as ChannelPromisesView,
    ];
    const { openPromises, find, text, advancedToggle, click, http } = await render(promises);
    await openPromises();
    expect(find<HTMLInputElement>('promises-opening-hours')?.value).toBe(openingHours);
    expect(find('weekly-hours')).toBeNull();
    expect(text('promises-hours-unreadable')).toContain('say more than a plain week can show');
    expect(advancedToggle()?.disabled).toBe(true);
    await click('promises-save');
    expect(http.expectOne({ method: 'PUT', url: FACEBOOK_URL }).request.body.serviceHours.openingHours).toBe(openingHours);
  });

  it('says so when hours run past midnight, and lets the week take over once they do not', async () => {
    const { openPromises, advancedToggle, fill, settle, text, find, week, holidaysToggle } = await render();
    await openPromises();
    advancedToggle()?.click();
    await settle();
    fill('promises-opening-hours', 'Fr 22:00-02:00');
    await settle();
    expect(text('promises-hours-unreadable')).toBe(
      'These hours run past midnight, which the weekly view cannot show. To use it, end at 24:00 and start again at 00:00 the next day.',
    );
    expect(advancedToggle()?.disabled).toBe(true);
    fill('promises-opening-hours', 'Fr 22:00-24:00; Sa 00:00-02:00');
    await settle();
    expect(find('promises-hours-unreadable')).toBeNull();
    advancedToggle()?.click();
    await settle();
    expect(week().slice(4, 7)).toEqual(['Friday: 22:00–24:00', 'Saturday: 00:00–02:00', 'Sunday: Closed']);
    expect(holidaysToggle()?.getAttribute('aria-checked')).toBe('false');
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Fr 22:00-24:00; Sa 00:00-02:00');
  });
});
