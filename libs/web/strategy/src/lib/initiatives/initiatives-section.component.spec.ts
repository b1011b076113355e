import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { InitiativeView, Role } from '@kadens/shared/contracts';

import { EMPTY_STRATEGY, INITIATIVES, strategyData, WORKLOAD } from '../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { InitiativesSectionComponent } from './initiatives-section.component';

describe('InitiativesSectionComponent', () => {
  async function render(role: Role = 'editor', data = strategyData()) {
    const bed = await setUpStrategyTestBed(role);
    const rendered = await renderWithStrategy(InitiativesSectionComponent, bed.http, data);
    return { ...bed, ...rendered, loader: TestbedHarnessEnvironment.loader(rendered.fixture) };
  }

  it('shows each initiative as its sentence, with hours, core badge and status', async () => {
    const { text } = await render();
    expect(text('initiative-sentence')).toBe(
      'We will be on Sunflower on Facebook and Sunflower on Instagram to do a weekly post about what the children did ' +
        'to achieve parents who know what happens for Parents and Future staff.',
    );
    expect(text('initiative-hours-per-week')).toBe('4.5 h/week');
    expect(text('initiative-core-badge')).toBe('Core');
    expect(text('initiative-status-badge')).toBe('Active');
  });

  it.each<Role>(['admin', 'editor'])('lets an %s add, edit and delete initiatives', async (role) => {
    const { find } = await render(role);
    expect(find('initiative-add')).not.toBeNull();
    expect(find('initiative-edit')).not.toBeNull();
    expect(find('initiative-delete')).not.toBeNull();
  });

  it.each<Role>(['approver', 'viewer'])('shows the sentences to the %s role without any way to change them', async (role) => {
    const { find } = await render(role);
    expect(find('initiative-sentence')).not.toBeNull();
    expect(find('initiative-add')).toBeNull();
    expect(find('initiative-edit')).toBeNull();
    expect(find('initiative-delete')).toBeNull();
  });

  it('explains initiatives, and asks for channels and audiences first, when there are none', async () => {
    const { find, text } = await render('editor', EMPTY_STRATEGY);
    expect(text('initiatives-empty')).toContain('An initiative is something you will actually do');
    expect(find('initiatives-need-channels-and-audiences')).not.toBeNull();
    expect(find('initiative-add')).toBeNull();
  });

  it('writes a new initiative and then shows the workload the server sums up', async () => {
    const { click, fill, loader, http, store, text, findAll, settle } = await render('editor', strategyData({ initiatives: [] }));
    await click('initiative-add');
    const channels = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="initiative-channels"]' }));
    await channels.open();
    await channels.clickOptions({ text: 'Sunflower on Facebook' });
    await channels.close();
    fill('initiative-what', 'short films from the woods');
    fill('initiative-outcome', 'more applicants');
    const audiences = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="initiative-audiences"]' }));
    await audiences.open();
    await audiences.clickOptions({ text: 'Future staff' });
    await audiences.close();
    fill('initiative-hours', '2.5');
    await click('initiative-save');

    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/initiatives' });
    expect(request.request.body).toEqual({
      channelIds: ['c1'],
      what: 'short films from the woods',
      outcome: 'more applicants',
      audienceIds: ['a2'],
      hoursPerWeek: 2.5,
      core: false,
      status: 'idea',
    });
    const created: InitiativeView = { ...request.request.body, id: 'i9', createdAt: '2026-02-01T00:00:00.000Z' };
    request.flush(created, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/organizations/o1/strategy/workload').flush({ ...WORKLOAD, ideaHoursPerWeek: 2.5 });
    await settle();
    expect(store.workload()?.ideaHoursPerWeek).toBe(2.5);
    expect(findAll('initiative-sentence')).toHaveLength(1);
    expect(text('initiative-sentence')).toContain('We will be on Sunflower on Facebook to do short films from the woods');
  });

  it('keeps hours outside 0–168 from the API and says why next to the field', async () => {
    const { click, fill, errorNextTo, http } = await render();
    await click('initiative-edit');
    fill('initiative-hours', '200');
    await click('initiative-save');
    http.expectNone('/api/organizations/o1/initiatives/i1');
    expect(errorNextTo('initiative-hours')).toBe('From 0 to 168 hours, with at most one decimal.');
  });

  it('pins a vanished audience on the audience picker when the API refuses it', async () => {
    const { click, http, errorNextTo, notifier, settle } = await render();
    await click('initiative-edit');
    await click('initiative-save');
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/initiatives/i1' });
    expect(request.request.body).toMatchObject({ channelIds: ['c1', 'c2'], audienceIds: ['a1', 'a2'], hoursPerWeek: 4.5, core: true });
    apiError(request, 400, { code: 'unknown_reference', errors: [{ field: 'audienceIds', messages: ['unknown or archived: a2'] }] });
    await settle();
    expect(errorNextTo('initiative-audiences')).toBe('Something you chose no longer exists or has been archived. Choose again.');
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('offers to set an initiative in use to dropped instead of deleting it', async () => {
    const { click, http, confirmation, notifier, store, settle } = await render();
    await click('initiative-delete');
    apiError(http.expectOne({ method: 'DELETE', url: '/api/organizations/o1/initiatives/i1' }), 409, { code: 'initiative_in_use' });
    await settle();
    expect(confirmation.ask).toHaveBeenLastCalledWith(expect.objectContaining({ confirmKey: 'strategy.initiatives.inUseConfirm' }));
    const drop = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/initiatives/i1' });
    expect(drop.request.body).toEqual({ status: 'dropped' });
    drop.flush({ ...INITIATIVES[0], status: 'dropped' });
    await settle();
    http.expectOne('/api/organizations/o1/strategy/workload').flush({ ...WORKLOAD, activeHoursPerWeek: 0, coreHoursPerWeek: 0 });
    await settle();
    expect(store.initiatives()[0]?.status).toBe('dropped');
    expect(notifier.announce).toHaveBeenCalledWith('strategy.initiatives.inUseDone', { name: INITIATIVES[0]?.what });
  });
});
