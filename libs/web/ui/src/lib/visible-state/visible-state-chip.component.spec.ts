import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { VISIBLE_STATES, type VisibleState } from '@kadens/shared/rules';
import { contrastRatio } from '@kadens/web/util';

import { readTranslationTree, translocoTesting } from '../../testing';
import { TargetDeliveryMarkComponent } from './target-delivery-mark.component';
import { VisibleStateChipComponent } from './visible-state-chip.component';
import { VISIBLE_STATE_LOOKS } from './visible-state-looks';

@Component({
  imports: [VisibleStateChipComponent, TargetDeliveryMarkComponent],
  template: `<kd-state-chip [state]="state()" /><kd-target-delivery-mark platform="facebook" [state]="state()" />`,
})
class HostComponent {
  readonly state = signal<VisibleState>('approved');
}

describe('VisibleStateChipComponent', () => {
  it('says the state in words with a sign, so colour is never the only difference', async () => {
    TestBed.configureTestingModule({ imports: [HostComponent, translocoTesting('nb', { nb: readTranslationTree(null, 'nb') })] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const chip = () => (fixture.nativeElement as HTMLElement).querySelector('kd-state-chip [data-state]');
    expect(chip()?.textContent?.trim()).toBe('✓Godkjent');
    fixture.componentInstance.state.set('published');
    await fixture.whenStable();
    expect(chip()?.getAttribute('data-state')).toBe('published');
    expect(chip()?.textContent?.trim()).toBe('✓✓Publisert');
    const mark = (fixture.nativeElement as HTMLElement).querySelector('kd-target-delivery-mark [role="img"]');
    expect(mark?.getAttribute('aria-label')).toBe('Facebook: Publisert');
  });

  it.each(VISIBLE_STATES)('%s: has its own sign and text with at least 4.5:1 contrast', (state) => {
    const look = VISIBLE_STATE_LOOKS[state];
    expect(contrastRatio(look.color, look.background)).toBeGreaterThanOrEqual(4.5);
    const sameSign = VISIBLE_STATES.filter((other) => VISIBLE_STATE_LOOKS[other].sign === look.sign);
    expect(sameSign).toEqual([state]);
  });

  it.each(['nb', 'da', 'sv', 'en'] as const)('%s: names every state', (locale) => {
    const words = (readTranslationTree(null, locale) as { visibleStates: Record<string, string> }).visibleStates;
    for (const state of VISIBLE_STATES) expect(words[state]).toEqual(expect.any(String));
  });
});
