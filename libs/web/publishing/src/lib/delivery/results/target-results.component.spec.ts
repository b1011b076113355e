import { TestBed } from '@angular/core/testing';
import type { Role, TargetResultsView } from '@kadens/shared/contracts';

import { apiError, BASE, queries, settle, setUpPublishingTestBed } from '../../testing/publishing-test-bed.testing';
import { TargetResultsComponent } from './target-results.component';

const PATH = `${BASE}/publishing/targets/t1/results`;

function view(overrides: Partial<TargetResultsView> = {}): TargetResultsView {
  return {
    targetId: 't1',
    postId: 'p1',
    channelId: 'c-fb',
    platform: 'facebook',
    publishedAt: '2026-11-04T09:00:05.000Z',
    collected: true,
    latest: { views: 3120, reach: 2210, reactions: 61, comments: 4 },
    manual: null,
    total: { views: 3120, reach: 2210, reactions: 61, comments: 4 },
    snapshots: [
      {
        stage: '1h',
        dueAt: '2026-11-04T10:00:05.000Z',
        state: 'collected',
        collectedAt: '2026-11-04T10:00:40.000Z',
        numbers: { views: 410, reactions: 9 },
        error: null,
        source: 'platform',
      },
      {
        stage: '24h',
        dueAt: '2026-11-05T09:00:05.000Z',
        state: 'collected',
        collectedAt: '2026-11-05T09:00:50.000Z',
        numbers: { views: 3120, reach: 2210, reactions: 61, comments: 4 },
        error: { kind: 'metric_refused', message: 'post_clicks is no longer offered' },
        source: 'platform',
      },
      { stage: '7d', dueAt: '2026-11-11T09:00:05.000Z', state: 'due', collectedAt: null, numbers: {}, error: null, source: 'platform' },
    ],
    ...overrides,
  };
}

describe('TargetResultsComponent', () => {
  async function render(role: Role = 'editor', first = view()) {
    const bed = await setUpPublishingTestBed({ role });
    const fixture = TestBed.createComponent(TargetResultsComponent);
    fixture.componentRef.setInput('organizationId', 'o1');
    fixture.componentRef.setInput('targetId', 't1');
    fixture.componentRef.setInput('timeZone', 'Europe/Oslo');
    fixture.componentRef.setInput('channelName', 'Fjordvik on Facebook');
    await settle(fixture);
    bed.http.expectOne({ method: 'GET', url: PATH }).flush(first);
    await settle(fixture);
    const q = queries(fixture);
    const cells = (testId: string) => q.findAll(testId).map((row) => [...row.querySelectorAll('th, td')].map((cell) => q.text(cell)));
    const errorNextTo = (testId: string) => q.text(q.find(testId)?.closest('mat-form-field')?.querySelector('mat-error'));
    return { fixture, cells, errorNextTo, ...bed, ...q };
  }

  it('shows the collected numbers, the counted ones and every reading with its problem', async () => {
    const { cells, find, text } = await render();
    expect(cells('target-results-metric')).toEqual([
      ['Views', '3,120', '–', '3,120'],
      ['Reach', '2,210', '–', '2,210'],
      ['Reactions', '61', '–', '61'],
      ['Comments', '4', '–', '4'],
    ]);
    const readings = cells('target-results-snapshot');
    expect(readings[0]?.[0]).toBe('1 hour');
    expect(readings[0]?.[2]).toBe('Views 410 · Reactions 9');
    expect(readings[1]?.[2]).toContain('Problem: post_clicks is no longer offered');
    expect(readings[2]?.slice(0, 2)).toEqual(['7 days', 'Due']);
    expect(find('target-results-not-collected')).toBeNull();
    expect(text(find('target-results-enter'))).toBe('Enter numbers');
  });

  it('says when the platform gives no numbers (a webhook), and takes them by hand with a note', async () => {
    const webhook = view({ platform: 'webhook', collected: false, latest: {}, total: {}, snapshots: [] });
    const { find, click, fill, http, cells, notifier, fixture } = await render('editor', webhook);
    expect(find('target-results-not-collected')).not.toBeNull();
    expect(find('target-results-none')).not.toBeNull();
    await click('target-results-enter');
    expect(find('target-results-enter')?.getAttribute('aria-expanded')).toBe('true');
    await fill('target-results-input-views', '1200');
    await fill('target-results-input-clicks', '85');
    await fill('target-results-note', ' Counted by the intranet ');
    await click('target-results-save');
    const put = http.expectOne({ method: 'PUT', url: PATH });
    expect(put.request.body).toEqual({ numbers: { views: 1200, clicks: 85 }, note: 'Counted by the intranet' });
    put.flush({
      ...webhook,
      manual: {
        numbers: { views: 1200, clicks: 85 },
        note: 'Counted by the intranet',
        enteredBy: { id: 'u-me', name: 'Me' },
        enteredAt: '2026-11-06T12:00:00.000Z',
      },
      total: { views: 1200, clicks: 85 },
    });
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('publishing.results.saved', { channel: 'Fjordvik on Facebook' });
    expect(cells('target-results-metric')).toEqual([
      ['Views', '–', '1,200', '1,200'],
      ['Clicks', '–', '85', '85'],
    ]);
    expect(find('target-results-form')).toBeNull();
    expect(find('target-results-manual')?.textContent).toContain('Entered by Me');
    expect(find('target-results-manual-note')?.textContent).toContain('Note: Counted by the intranet');
  });

  it('refuses a number that is not a whole number of 0 or more, and shows the API’s refusal next to its field', async () => {
    const { click, fill, http, errorNextTo, find, fixture } = await render();
    await click('target-results-enter');
    await fill('target-results-input-shares', '-2');
    await fill('target-results-input-saves', '1.5');
    await click('target-results-save');
    expect(errorNextTo('target-results-input-shares')).toBe('A whole number of 0 or more.');
    expect(errorNextTo('target-results-input-saves')).toBe('A whole number of 0 or more.');
    http.expectNone({ method: 'PUT', url: PATH });

    await fill('target-results-input-shares', '2');
    await fill('target-results-input-saves', '');
    await click('target-results-save');
    apiError(http.expectOne({ method: 'PUT', url: PATH }), 400, {
      code: 'validation_failed',
      errors: [{ field: 'numbers.shares', messages: ['shares must not be greater than 1000000000000'] }],
    });
    await settle(fixture);
    expect(errorNextTo('target-results-input-shares')).toBe('shares must not be greater than 1000000000000');
    expect(find('target-results-form')).not.toBeNull();
  });

  it('clears entered numbers', async () => {
    const entered = view({
      manual: { numbers: { reactions: 70 }, note: 'Corrected', enteredBy: null, enteredAt: '2026-11-06T12:00:00.000Z' },
    });
    const { click, http, find } = await render('approver', entered);
    expect(find('target-results-manual')?.textContent).toContain('a former member');
    await click('target-results-enter');
    expect(find<HTMLInputElement>('target-results-input-reactions')?.value).toBe('70');
    await click('target-results-clear');
    const put = http.expectOne({ method: 'PUT', url: PATH });
    expect(put.request.body).toEqual({ numbers: {}, note: '' });
    put.flush(view());
  });

  it('lets a viewer read the numbers but not enter any', async () => {
    const { find, findAll } = await render('viewer');
    expect(findAll('target-results-metric')).toHaveLength(4);
    expect(find('target-results-enter')).toBeNull();
  });
});
