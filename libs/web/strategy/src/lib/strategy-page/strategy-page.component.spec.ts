import { TestBed } from '@angular/core/testing';
import type { Role } from '@kadens/shared/contracts';

import { strategyData } from '../testing/strategy-fixtures.testing';
import { flushStrategy, settle, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { StrategyPageComponent } from './strategy-page.component';

describe('StrategyPageComponent', () => {
  async function render(role: Role, tab?: string) {
    const { http, notifier } = await setUpStrategyTestBed(role);
    const fixture = TestBed.createComponent(StrategyPageComponent);
    if (tab) fixture.componentRef.setInput('tab', tab);
    await fixture.whenStable();
    flushStrategy(http, strategyData());
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`);
    return { element, find, http, notifier };
  }

  it('loads the strategy and opens on the workload and the initiatives', async () => {
    const { find, http, notifier } = await render('editor');
    http.verify();
    expect(notifier.report).not.toHaveBeenCalled();
    expect(find('workload-summary')).not.toBeNull();
    expect(find('initiative-sentence')?.textContent).toContain('We will be on Sunflower on Facebook');
    expect(find('strategy-read-only')).toBeNull();
    expect(find('initiative-add')).not.toBeNull();
  });

  it('says the strategy is read-only for a viewer and offers no changes', async () => {
    const { find } = await render('viewer');
    expect(find('strategy-read-only')?.textContent).toContain('Administrators and editors can change it.');
    expect(find('initiative-add')).toBeNull();
    expect(find('initiative-edit')).toBeNull();
  });

  it('opens the tab the address names', async () => {
    const { find } = await render('admin', 'channels');
    expect(find('channel-add')).not.toBeNull();
    expect(find('initiative-sentence')).toBeNull();
  });

  it('names every tab', async () => {
    const { find } = await render('admin');
    expect(['initiatives', 'themes', 'audiences', 'channels'].map((tab) => find(`strategy-tab-${tab}`)?.textContent?.trim())).toEqual([
      'Initiatives',
      'Themes',
      'Audiences',
      'Channels',
    ]);
  });
});
