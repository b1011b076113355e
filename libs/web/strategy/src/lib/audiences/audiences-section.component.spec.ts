import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { Role } from '@kadens/shared/contracts';

import { EMPTY_STRATEGY, strategyData } from '../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { AudiencesSectionComponent } from './audiences-section.component';

describe('AudiencesSectionComponent', () => {
  async function render(role: Role = 'editor', data = strategyData()) {
    const bed = await setUpStrategyTestBed(role);
    const rendered = await renderWithStrategy(AudiencesSectionComponent, bed.http, data);
    return { ...bed, ...rendered, loader: TestbedHarnessEnvironment.loader(rendered.fixture) };
  }

  it('shows each audience with its goals, its measurable target and where it is', async () => {
    const { findAll, text } = await render();
    const [parents] = findAll('audience-item');
    const content = parents?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(content).toContain('Should know or feel: They know what their children did today');
    expect(content).toContain('Should do: They come to the parent evenings');
    expect(content).toContain('Is on: Sunflower on Facebook and Sunflower on Instagram');
    expect(text('audience-target')).toBe('Target: 40 parents at the parent evening per quarter');
  });

  it('explains what audiences are when there are none', async () => {
    const { text } = await render('editor', EMPTY_STRATEGY);
    expect(text('audiences-empty')).toContain('what they should know or feel (the communication goal)');
  });

  it('hides every change from the viewer role', async () => {
    const { find } = await render('viewer');
    for (const testId of ['audience-add', 'audience-edit', 'audience-archive', 'audience-delete']) {
      expect(find(testId)).toBeNull();
    }
  });

  it('creates an audience with a measurable effect goal and its channels', async () => {
    const { click, fill, http, loader } = await render();
    await click('audience-add');
    fill('audience-name', 'Neighbours');
    fill('audience-communication-goal', 'They feel welcome at our open days');
    fill('audience-effect-goal', 'They come to the open day');
    await (await loader.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="audience-has-target"]' }))).check();
    fill('audience-target-metric', 'visitors');
    fill('audience-target-value', '25');
    const channels = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="audience-channels"]' }));
    await channels.open();
    await channels.clickOptions({ text: 'Sunflower on Facebook' });
    await channels.close();
    await click('audience-save');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/audiences' });
    expect(request.request.body).toEqual({
      name: 'Neighbours',
      description: '',
      communicationGoal: 'They feel welcome at our open days',
      effectGoal: 'They come to the open day',
      effectTarget: { metric: 'visitors', value: 25, period: 'month' },
      channelIds: ['c1'],
    });
  });

  it('puts the API’s message on a refused target field', async () => {
    const { click, http, errorNextTo, notifier, settle } = await render();
    await click('audience-edit');
    await click('audience-save');
    apiError(http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/audiences/a1' }), 400, {
      code: 'validation_failed',
      errors: [{ field: 'effectTarget.value', messages: ['value must not be greater than 999999999999'] }],
    });
    await settle();
    expect(errorNextTo('audience-target-value')).toBe('value must not be greater than 999999999999');
    expect(notifier.report).not.toHaveBeenCalled();
  });
});
