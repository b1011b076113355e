import type { Role, StrategyWorkload } from '@kadens/shared/contracts';

import { strategyData } from '../testing/strategy-fixtures.testing';
import { renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { WorkloadSummaryComponent } from './workload-summary.component';

describe('WorkloadSummaryComponent', () => {
  async function render(workload: StrategyWorkload, role: Role = 'editor') {
    const { http } = await setUpStrategyTestBed(role);
    return renderWithStrategy(WorkloadSummaryComponent, http, strategyData({ workload }));
  }

  it('warns plainly when the active initiatives cost more than the people have', async () => {
    const { text, find } = await render({
      capacityHoursPerWeek: 10,
      activeHoursPerWeek: 12.5,
      coreHoursPerWeek: 8,
      ideaHoursPerWeek: 3,
      overCapacity: true,
    });
    expect(text('workload-active-hours')).toBe('12.5 h/week');
    expect(text('workload-capacity')).toBe('10 h/week');
    expect(text('workload-core-hours')).toBe('8 h/week');
    expect(text('workload-idea-hours')).toBe('3 h/week');
    const warning = find('workload-over-capacity');
    expect(warning?.getAttribute('role')).toBe('alert');
    expect(text('workload-over-capacity')).toContain('The plan costs 2.5 hours a week more than your people have.');
    expect(find('workload-within-capacity')).toBeNull();
  });

  it('says how much time is left when the plan fits', async () => {
    const { text, find } = await render({
      capacityHoursPerWeek: 10.2,
      activeHoursPerWeek: 10.1,
      coreHoursPerWeek: 4,
      ideaHoursPerWeek: 0,
      overCapacity: false,
    });
    expect(find('workload-over-capacity')).toBeNull();
    expect(text('workload-within-capacity')).toBe('The active initiatives fit: 0.1 hours a week to spare.');
  });

  const withoutCapacity: StrategyWorkload = {
    capacityHoursPerWeek: null,
    activeHoursPerWeek: 6,
    coreHoursPerWeek: 0,
    ideaHoursPerWeek: 0,
    overCapacity: false,
  };

  it('points an administrator to the settings when no capacity is stated', async () => {
    const { text, find } = await render(withoutCapacity, 'admin');
    expect(text('workload-capacity')).toBe('Not stated');
    expect(text('workload-capacity-missing')).toContain('Kadens cannot tell whether the plan is realistic');
    expect(find('workload-settings-link')?.getAttribute('href')).toBe('/o/o1/settings');
  });

  it('tells others that an administrator can state the capacity', async () => {
    const { text, find } = await render(withoutCapacity, 'editor');
    expect(find('workload-settings-link')).toBeNull();
    expect(text('workload-capacity-missing')).toContain('An administrator can state it in the settings.');
  });
});
