import type { AudienceEffectResultsView, Role } from '@kadens/shared/contracts';

import { strategyData } from '../../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../../testing/strategy-test-bed.testing';
import { AudiencesSectionComponent } from '../audiences-section.component';
import { lastWholePeriod } from './effect-period';

const PATH = '/api/organizations/o1/audiences/a1/effect-results';

const VIEW: AudienceEffectResultsView = {
  audienceId: 'a1',
  effectGoal: 'They come to the parent evenings',
  target: { metric: 'parents at the parent evening', value: 40, period: 'quarter' },
  results: [
    {
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      value: 30,
      note: 'Counted at the door',
      enteredBy: { id: 'u2', name: 'Erik Editor' },
      enteredAt: '2026-10-03T08:00:00.000Z',
    },
    {
      period: '2026-Q2',
      from: '2026-04-01',
      to: '2026-06-30',
      value: 44,
      note: '',
      enteredBy: null,
      enteredAt: '2026-07-02T08:00:00.000Z',
    },
  ],
};

describe('AudienceEffectResultsComponent (in the audiences section)', () => {
  async function open(role: Role = 'editor', view: AudienceEffectResultsView = VIEW) {
    const bed = await setUpStrategyTestBed(role);
    const rendered = await renderWithStrategy(AudiencesSectionComponent, bed.http, strategyData());
    // Only an audience with a measurable target offers its results.
    expect(rendered.findAll('audience-effect-results-toggle')).toHaveLength(1);
    await rendered.click('audience-effect-results-toggle');
    bed.http.expectOne({ method: 'GET', url: PATH }).flush(view);
    await rendered.settle();
    return { ...bed, ...rendered };
  }

  it('shows the target and every entered period: value, share of the target, note, who and when', async () => {
    const { text, findAll, find } = await open();
    expect(find('audience-effect-results-toggle')?.getAttribute('aria-expanded')).toBe('true');
    expect(text('effect-results-target')).toBe('Target: 40 parents at the parent evening per quarter');
    const cells = findAll('effect-result').map((row) =>
      [...row.querySelectorAll('th, td')].slice(0, 5).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(cells).toEqual([
      ['2026-Q3', '30', '75%', 'Counted at the door', 'Erik Editor, Oct 3, 2026'],
      ['2026-Q2', '44', '110%', '', 'a former member, Jul 2, 2026'],
    ]);
    expect(find('effect-results-table')?.querySelector('caption')?.textContent).toContain(
      'Measured parents at the parent evening per period',
    );
  });

  it('enters a period after the target’s kind, and says so', async () => {
    const { find, fill, click, http, notifier, findAll, settle } = await open();
    // The form starts on the last whole quarter.
    expect(find<HTMLInputElement>('effect-results-period')?.value).toMatch(/^\d{4}-Q[1-4]$/);
    expect(find<HTMLInputElement>('effect-results-period')?.value).toBe(lastWholePeriod(new Date().toISOString().slice(0, 10), 'quarter'));
    fill('effect-results-period', '2026-Q4');
    fill('effect-results-value', '41');
    fill('effect-results-note', 'From the sign-up list');
    await click('effect-results-save');
    const put = http.expectOne({ method: 'PUT', url: PATH });
    expect(put.request.body).toEqual({ results: [{ period: '2026-Q4', value: 41, note: 'From the sign-up list' }] });
    put.flush({ ...VIEW, results: [{ ...VIEW.results[0], period: '2026-Q4', value: 41 }, ...VIEW.results] });
    await settle();
    expect(notifier.announce).toHaveBeenCalledWith('strategy.effectResults.saved', { period: '2026-Q4' });
    expect(findAll('effect-result')).toHaveLength(3);
  });

  it('explains a period of the wrong kind and a bad value before asking the API', async () => {
    const { fill, click, errorNextTo, http } = await open();
    fill('effect-results-period', '2026-11');
    fill('effect-results-value', '-3');
    await click('effect-results-save');
    expect(errorNextTo('effect-results-period')).toBe('Write a quarter like 2026-Q4.');
    expect(errorNextTo('effect-results-value')).toBe('A number of 0 or more, with at most two decimals.');
    http.expectNone({ method: 'PUT', url: PATH });
  });

  it('shows the API’s refusal next to the field it names', async () => {
    const { fill, click, errorNextTo, http, settle } = await open();
    fill('effect-results-period', '2026-Q4');
    fill('effect-results-value', '12');
    await click('effect-results-save');
    apiError(http.expectOne({ method: 'PUT', url: PATH }), 400, {
      code: 'validation_failed',
      errors: [{ field: 'results.0.period', messages: ['must be a quarter, like the audience’s effect target'] }],
    });
    await settle();
    expect(errorNextTo('effect-results-period')).toContain('must be a quarter');
  });

  it('changes and removes a period (after asking)', async () => {
    const { find, click, http, confirmation } = await open();
    await click('effect-result-change', 1);
    expect(find<HTMLInputElement>('effect-results-period')?.value).toBe('2026-Q2');
    expect(find<HTMLInputElement>('effect-results-value')?.value).toBe('44');
    await click('effect-result-remove', 0);
    expect(confirmation.ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'strategy.effectResults.removeTitle', params: { period: '2026-Q3' } }),
    );
    const put = http.expectOne({ method: 'PUT', url: PATH });
    expect(put.request.body).toEqual({ results: [{ period: '2026-Q3', value: null }] });
    put.flush({ ...VIEW, results: [VIEW.results[1]] });
  });

  it('lets a viewer read the results but not enter any', async () => {
    const { find, findAll } = await open('viewer');
    expect(findAll('effect-result')).toHaveLength(2);
    expect(find('effect-results-form')).toBeNull();
    expect(find('effect-result-change')).toBeNull();
  });

  it('lets an approver enter results', async () => {
    const { find } = await open('approver');
    expect(find('effect-results-form')).not.toBeNull();
  });
});
