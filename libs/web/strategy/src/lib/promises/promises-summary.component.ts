import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelPromisesView } from '@kadens/shared/contracts';
import { type ServiceContext, validateOpeningHours } from '@kadens/shared/rules';
import type { TranslationParams } from '@kadens/web/ui';

import { injectActiveLanguage } from '../shared/active-language';
import { ChannelPromisesStore } from './channel-promises.store';
import { CURRENT_TIME } from './current-time';
import { describeRegularWeek } from './staffed-days';

/** One piece of the summary: a text to translate, or words already in the user's language. */
type SummaryPart = { kind: 'key'; key: string; params?: TranslationParams } | { kind: 'text'; text: string };

/** A channel's promises in one line: "at least 3 a week · Mon–Fri 09–12 · answers within 2 h". */
@Component({
  selector: 'kd-promises-summary',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (parts(); as parts) {
      <span data-testid="channel-promises-summary">
        @for (part of parts; track $index) {
          @if (!$first) {
            ·
          }
          @if (part.kind === 'key') {
            {{ part.key | transloco: part.params }}
          } @else {
            {{ part.text }}
          }
        }
      </span>
    }
  `,
})
export class PromisesSummaryComponent {
  private readonly store = inject(ChannelPromisesStore);
  private readonly now = inject(CURRENT_TIME);
  private readonly language = injectActiveLanguage();

  readonly channelId = input.required<string>();

  /** Null while the promises are being fetched. */
  protected readonly parts = computed(() => {
    const view = this.store.byChannel().get(this.channelId());
    return view ? summaryParts(view, this.store.clock(), this.now(), this.language()) : null;
  });
}

export function summaryParts(view: ChannelPromisesView, clock: ServiceContext | null, nowMs: number, language: string): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const { cadence, serviceHours } = view;
  if (cadence?.minPostsPerWeek)
    parts.push({ kind: 'key', key: 'strategy.promises.summary.perWeek', params: { count: cadence.minPostsPerWeek } });
  if (cadence?.maxPostsPerDay)
    parts.push({ kind: 'key', key: 'strategy.promises.summary.perDay', params: { count: cadence.maxPostsPerDay } });
  if (cadence && parts.length === 0 && cadence.publicDescription) parts.push({ kind: 'text', text: cadence.publicDescription });
  if (serviceHours) {
    const valid = clock !== null && validateOpeningHours(serviceHours.openingHours, clock.country).ok;
    const week = valid ? describeRegularWeek(serviceHours.openingHours, clock, nowMs, language) : '';
    parts.push({ kind: 'text', text: week || serviceHours.openingHours });
    parts.push(answersWithin(serviceHours.responseWindowMinutes));
  }
  return parts.length > 0 ? parts : [{ kind: 'key', key: 'strategy.promises.summary.none' }];
}

function answersWithin(totalMinutes: number): SummaryPart {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return { kind: 'key', key: 'strategy.promises.summary.answersWithinMinutes', params: { minutes } };
  if (minutes === 0) return { kind: 'key', key: 'strategy.promises.summary.answersWithinHours', params: { hours } };
  return { kind: 'key', key: 'strategy.promises.summary.answersWithinHoursMinutes', params: { hours, minutes } };
}
