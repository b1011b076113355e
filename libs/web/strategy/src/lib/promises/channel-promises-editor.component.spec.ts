import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatChipInputHarness, MatChipRowHarness } from '@angular/material/chips/testing';
import type { ChannelPromisesView, Role } from '@kadens/shared/contracts';
import { validateOpeningHours } from '@kadens/shared/rules';

import { ChannelsSectionComponent } from '../channels/channels-section.component';
import { MONDAY_MORNING, PROMISES, strategyData } from '../testing/strategy-fixtures.testing';
import { apiError, flushChannelPromises, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { CURRENT_TIME } from './current-time';

const PROMISES_URL = '/api/organizations/o1/channels/c1/promises';

describe('channel promises', () => {
  async function render(role: Role = 'editor', promises: ChannelPromisesView[] = PROMISES) {
    const bed = await setUpStrategyTestBed(role, [{ provide: CURRENT_TIME, useValue: () => MONDAY_MORNING }]);
    const rendered = await renderWithStrategy(ChannelsSectionComponent, bed.http, strategyData());
    flushChannelPromises(bed.http, promises);
    await rendered.settle();
    await rendered.settle();
    const openPromises = async (index = 0) => {
      await rendered.click('channel-promises', index);
      await rendered.settle();
    };
    /** Switches the hours to the opening_hours field itself. */
    const useAdvanced = async () => {
      rendered.find('promises-hours-advanced')?.querySelector('button')?.click();
      await rendered.settle();
    };
    return { ...bed, ...rendered, openPromises, useAdvanced, loader: TestbedHarnessEnvironment.loader(rendered.fixture) };
  }

  const valueOf = (element: HTMLElement, testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)?.value;

  it('sums up each channel’s promises in the list', async () => {
    const { findAll } = await render();
    expect(findAll('channel-promises-summary').map((summary) => summary.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'at least 3 a week · at most 2 a day · Mon–Fri 09–12 · answers within 2 h',
      'No promises yet',
    ]);
  });

  it.each<Role>(['approver', 'viewer'])('shows the %s role the promises without a way to change them', async (role) => {
    const { find, findAll } = await render(role);
    expect(findAll('channel-promises-summary')).toHaveLength(2);
    expect(find('channel-promises')).toBeNull();
  });

  it('opens with what the channel promises now, and explains which rules block', async () => {
    const { openPromises, element, text, useAdvanced } = await render();
    await openPromises();
    expect(valueOf(element, 'promises-max-per-day')).toBe('2');
    expect(valueOf(element, 'promises-min-gap')).toBe('');
    expect(valueOf(element, 'promises-min-per-week')).toBe('3');
    expect(valueOf(element, 'promises-max-silence')).toBe('4');
    expect(valueOf(element, 'promises-public-sentence')).toBe('We post 3–5 times a week');
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 09:00-12:00; PH off');
    expect(valueOf(element, 'promises-response-window')).toBe('2');
    expect(text('promises-slot')).toContain('Tu,Th 09:30');
    expect(text('promises-cadence-rules')).toContain('The first two limits block');
    await useAdvanced();
    expect(valueOf(element, 'promises-opening-hours')).toBe('Mo-Fr 09:00-12:00; PH off');
  });

  it('shows the opening_hours parser’s own message while the hours are typed', async () => {
    const { openPromises, fill, settle, text, click, http, useAdvanced } = await render();
    await openPromises();
    await useAdvanced();
    fill('promises-opening-hours', 'Mo-Fr 25:00-12:00');
    await settle();
    const check = validateOpeningHours('Mo-Fr 25:00-12:00', 'NO');
    expect(check.ok).toBe(false);
    expect(text('promises-opening-hours-error')).toBe(check.ok ? null : check.message);
    expect(text('promises-opening-hours-error')).toContain('Time range starts outside of the current day');
    await click('promises-save');
    http.expectNone(PROMISES_URL);
  });

  it('fills the hours from a preset and previews the coming week in the organisation’s zone', async () => {
    const { openPromises, click, fill, http, findAll, text } = await render();
    await openPromises(1);
    expect(findAll('promises-response-window')).toHaveLength(0);
    await click('promises-preset-weekdays0816');
    expect(text('promises-hours-written')).toBe('Saved as opening_hours: Mo-Fr 08:00-16:00; PH off');
    const days = findAll('promises-preview-day').map((day) => [...day.children].map((part) => part.textContent?.trim()).join(' | '));
    expect(days).toHaveLength(7);
    expect(days[0]).toBe('Monday, May 11 | 08:00–16:00');
    expect(days[3]).toMatch(/^Thursday, May 14 \| Closed \| Kristi himmelfartsdag/);
    expect(days[6]).toMatch(/^Sunday, May 17 \| Closed/);
    expect(text('promises-preview')).toContain('The coming week (Europe/Oslo)');
    expect(text('promises-preview-holidays')).toBe('Closed on public holidays.');
    expect(findAll('promises-response-window')).toHaveLength(1);
    fill('promises-response-window', '2');
    await click('promises-save');
    const request = http.expectOne({ method: 'PUT', url: '/api/organizations/o1/channels/c2/promises' });
    expect(request.request.body).toEqual({
      cadence: null,
      serviceHours: { openingHours: 'Mo-Fr 08:00-16:00; PH off', responseWindowMinutes: 120, closedPeriods: [] },
    });
  });

  it('says on the weekly minimum, before asking the API, when the daily maximum cannot reach it', async () => {
    const { openPromises, fill, settle, errorNextTo, click, http } = await render();
    await openPromises();
    fill('promises-max-per-day', '1');
    fill('promises-min-per-week', '10');
    await settle();
    expect(errorNextTo('promises-min-per-week')).toBe(
      'Your limits on posts a day or time between posts allow fewer posts a week than this.',
    );
    fill('promises-max-per-day', '2');
    await settle();
    expect(errorNextTo('promises-min-per-week')).toBeNull();
    fill('promises-max-per-day', '1');
    await click('promises-save');
    http.expectNone(PROMISES_URL);
  });

  it('reads a preferred time as it is typed and adds it on Enter', async () => {
    const { openPromises, fill, settle, text, findAll, loader } = await render();
    await openPromises();
    // The hint reads its example and names the day codes in the person's language.
    expect(text('promises-slot-reading')).toContain('Tu,Th 09:30 means Tue, Thu at 09:30');
    expect(text('promises-slot-reading')).toContain('Mo Mon, Tu Tue, We Wed, Th Thu, Fr Fri, Sa Sat, Su Sun');
    fill('promises-preferred-slots', 'Mo-Fr 08:00,14:30');
    await settle();
    expect(text('promises-slot-reading')).toBe('Mon–Fri at 08:00, 14:30');
    const input = await loader.getHarness(MatChipInputHarness.with({ selector: '[data-testid="promises-preferred-slots"]' }));
    await input.sendSeparatorKey(TestKey.ENTER);
    await settle();
    expect(findAll('promises-slot').map((chip) => chip.textContent?.replace('×', '').trim())).toEqual(['Tu,Th 09:30', 'Mo-Fr 08:00,14:30']);
    fill('promises-preferred-slots', 'Mx 08:00');
    await settle();
    expect(text('promises-slot-reading')).toContain('Not understood yet');
  });

  it('saves both promises in one PUT and sums up the new ones in the list', async () => {
    const { openPromises, fill, click, settle, http, notifier, findAll, useAdvanced } = await render();
    await openPromises();
    await useAdvanced();
    fill('promises-min-gap', '90');
    fill('promises-max-silence', '');
    fill('promises-opening-hours', 'Mo-Fr 08:00-16:00; PH off');
    fill('promises-response-window', '3');
    await settle();
    await click('promises-closed-period-add');
    fill('promises-closed-period-start', '2026-07-06');
    fill('promises-closed-period-end', '2026-07-31');
    fill('promises-closed-period-reason', 'Summer holiday');
    await click('promises-save');

    const request = http.expectOne({ method: 'PUT', url: PROMISES_URL });
    const body = {
      cadence: {
        maxPostsPerDay: 2,
        minMinutesBetweenPosts: 90,
        minPostsPerWeek: 3,
        maxDaysOfSilence: null,
        preferredSlots: ['Tu,Th 09:30'],
        publicDescription: 'We post 3–5 times a week',
      },
      serviceHours: {
        openingHours: 'Mo-Fr 08:00-16:00; PH off',
        responseWindowMinutes: 180,
        closedPeriods: [{ start: '2026-07-06', end: '2026-07-31', reason: 'Summer holiday' }],
      },
    };
    expect(request.request.body).toEqual(body);
    request.flush({ channelId: 'c1', ...body });
    await settle();
    await settle();
    expect(notifier.announce).toHaveBeenCalledWith('strategy.promises.saved', { name: 'Sunflower on Facebook' });
    expect(findAll('channel-promises-summary')[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'at least 3 a week · at most 2 a day · Mon–Fri 08–16 · answers within 3 h',
    );
  });

  it('sends null for promises the channel no longer makes', async () => {
    const { openPromises, fill, click, http, loader, settle, useAdvanced } = await render();
    await openPromises();
    await useAdvanced();
    for (const testId of [
      'promises-max-per-day',
      'promises-min-per-week',
      'promises-max-silence',
      'promises-public-sentence',
      'promises-opening-hours',
    ]) {
      fill(testId, '');
    }
    await (await (await loader.getHarness(MatChipRowHarness.with({ text: /Tu,Th 09:30/ }))).getRemoveButton()).click();
    await settle();
    await click('promises-save');
    expect(http.expectOne({ method: 'PUT', url: PROMISES_URL }).request.body).toEqual({ cadence: null, serviceHours: null });
  });

  it('pins the API’s refusal on the field it names', async () => {
    const { openPromises, click, fill, settle, http, errorNextTo, notifier } = await render();
    await openPromises();
    await click('promises-closed-period-add');
    fill('promises-closed-period-start', '2026-07-06');
    fill('promises-closed-period-end', '2026-07-31');
    await click('promises-save');
    apiError(http.expectOne({ method: 'PUT', url: PROMISES_URL }), 400, {
      code: 'invalid_promises',
      errors: [
        { field: 'cadence.minPostsPerWeek', messages: ['At most 2 a day allows at most 14 a week, below the minimum of 30'] },
        { field: 'serviceHours.closedPeriods.0.end', messages: ['Must not be before the start'] },
      ],
    });
    await settle();
    expect(errorNextTo('promises-min-per-week')).toBe('At most 2 a day allows at most 14 a week, below the minimum of 30');
    expect(errorNextTo('promises-closed-period-end')).toBe('Must not be before the start');
    expect(notifier.report).not.toHaveBeenCalled();
  });
});
