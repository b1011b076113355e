import type { Role } from '@kadens/shared/contracts';

import { EMPTY_STRATEGY, strategyData, THEMES } from '../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { ThemesSectionComponent } from './themes-section.component';

describe('ThemesSectionComponent', () => {
  async function render(role: Role = 'editor', data = strategyData()) {
    const bed = await setUpStrategyTestBed(role);
    return { ...bed, ...(await renderWithStrategy(ThemesSectionComponent, bed.http, data)) };
  }

  it('lists current themes, then the archived ones under their own heading', async () => {
    const { findAll, element } = await render();
    expect(findAll('theme-item').map((item) => item.querySelector('h4')?.textContent?.trim())).toEqual([
      'Everyday life',
      'Summer party 2025 Archived',
    ]);
    expect(element.textContent).toContain('Archived themes');
    expect(findAll('theme-archive')).toHaveLength(1);
    expect(findAll('theme-restore')).toHaveLength(1);
  });

  it('explains what themes are when there are none', async () => {
    const { text } = await render('editor', EMPTY_STRATEGY);
    expect(text('themes-empty')).toContain('Themes are the subjects you talk about');
  });

  it.each<Role>(['approver', 'viewer'])('shows the %s role the themes without any way to change them', async (role) => {
    const { find, findAll } = await render(role);
    expect(findAll('theme-item')).toHaveLength(2);
    for (const testId of ['theme-add', 'theme-edit', 'theme-archive', 'theme-restore', 'theme-delete']) {
      expect(find(testId)).toBeNull();
    }
  });

  it('creates a theme in a palette colour', async () => {
    const { click, fill, http, notifier, findAll, settle } = await render();
    await click('theme-add');
    fill('theme-name', 'Jobs with us');
    await click('theme-swatch-purple');
    await click('theme-save');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/themes' });
    expect(request.request.body).toEqual({ name: 'Jobs with us', color: '#8e24aa', description: '' });
    request.flush({ id: 't3', name: 'Jobs with us', color: '#8e24aa', description: '', archived: false, createdAt: '2026-02-01' });
    await settle();
    expect(notifier.announce).toHaveBeenCalledWith('strategy.themes.saved', { name: 'Jobs with us' });
    expect(findAll('theme-item')).toHaveLength(3);
  });

  it('checks the colour before asking the API', async () => {
    const { click, fill, http, errorNextTo } = await render();
    await click('theme-add');
    fill('theme-name', 'Jobs with us');
    fill('theme-color', 'purple');
    await click('theme-save');
    http.expectNone('/api/organizations/o1/themes');
    expect(errorNextTo('theme-color')).toBe('Use a colour as #rrggbb, for example #1e88e5.');
  });

  it('says next to the name when another theme already has it', async () => {
    const { click, fill, http, errorNextTo, notifier, settle } = await render();
    await click('theme-add');
    fill('theme-name', 'everyday life');
    await click('theme-save');
    apiError(http.expectOne({ method: 'POST', url: '/api/organizations/o1/themes' }), 409, {
      code: 'name_taken',
      errors: [{ field: 'name', messages: ['is already used'] }],
    });
    await settle();
    expect(errorNextTo('theme-name')).toBe('This name is already used in your organisation.');
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('offers to archive a theme that posts use instead of deleting it', async () => {
    const { click, http, confirmation, notifier, store, settle } = await render();
    await click('theme-delete');
    expect(confirmation.ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'strategy.themes.deleteTitle', params: { name: 'Everyday life' } }),
    );
    apiError(http.expectOne({ method: 'DELETE', url: '/api/organizations/o1/themes/t1' }), 409, { code: 'theme_in_use' });
    await settle();
    expect(confirmation.ask).toHaveBeenLastCalledWith(
      expect.objectContaining({ messageKey: 'strategy.themes.inUseMessage', confirmKey: 'strategy.themes.inUseConfirm' }),
    );
    const archive = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/themes/t1' });
    expect(archive.request.body).toEqual({ archived: true });
    archive.flush({ ...THEMES[0], archived: true });
    await settle();
    expect(store.themes().every((theme) => theme.archived)).toBe(true);
    expect(notifier.announce).toHaveBeenCalledWith('strategy.themes.inUseDone', { name: 'Everyday life' });
  });

  it('deletes a theme nothing uses', async () => {
    const { click, http, store, settle } = await render();
    await click('theme-delete', 1);
    http.expectOne({ method: 'DELETE', url: '/api/organizations/o1/themes/t2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(store.themes().map((theme) => theme.id)).toEqual(['t1']);
  });
});
