import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InitiativeView } from '@kadens/shared/contracts';

import { injectActiveLanguage } from '../shared/active-language';
import { NameListPipe } from '../shared/locale-format.pipes';
import { StrategyStore } from '../state/strategy.store';

/**
 * An initiative the way the plan is written: "We will be on {channels} to do {what} to achieve
 * {outcome} for {audiences}", the frame in the user's language and the organisation's own words in bold.
 */
@Component({
  selector: 'kd-initiative-sentence',
  imports: [TranslocoPipe, NameListPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="sentence" data-testid="initiative-sentence">
      {{ 'strategy.initiatives.sentence.on' | transloco }} <strong>{{ channelNames() | nameList: language() }}</strong>
      {{ 'strategy.initiatives.sentence.toDo' | transloco }} <strong>{{ initiative().what }}</strong>
      {{ 'strategy.initiatives.sentence.toAchieve' | transloco }} <strong>{{ initiative().outcome }}</strong>
      {{ 'strategy.initiatives.sentence.for' | transloco }} <strong>{{ audienceNames() | nameList: language() }}</strong>.
    </p>
  `,
  styles: `
    .sentence {
      margin: 0;
      font: var(--mat-sys-body-large);
      line-height: 1.6;
    }
    strong {
      font-weight: 600;
    }
  `,
})
export class InitiativeSentenceComponent {
  private readonly store = inject(StrategyStore);
  protected readonly language = injectActiveLanguage();

  readonly initiative = input.required<InitiativeView>();

  protected readonly channelNames = computed(() => {
    const channels = this.store.channelsById();
    return this.initiative().channelIds.flatMap((id) => channels.get(id)?.name ?? []);
  });
  protected readonly audienceNames = computed(() => {
    const audiences = this.store.audiencesById();
    return this.initiative().audienceIds.flatMap((id) => audiences.get(id)?.name ?? []);
  });
}
