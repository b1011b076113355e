import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView, ReviewSummary } from '@kadens/shared/contracts';
import { injectActiveLanguage } from '@kadens/web/util';

import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { changedTexts, diffTime } from './revision-diff';

/** The difference from the last approved revision, word by word. */
@Component({
  selector: 'kd-revision-diff',
  imports: [TranslocoPipe, TextOrKeyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!approved()) {
      <p data-testid="diff-none">{{ 'approvals.diff.neverApproved' | transloco }}</p>
    } @else if (approved()!.revision === summary().currentRevision.revision) {
      <p data-testid="diff-none">{{ 'approvals.diff.isApproved' | transloco: { revision: approved()!.revision } }}</p>
    } @else {
      <p class="intro">
        {{ 'approvals.diff.since' | transloco: { approved: approved()!.revision, current: summary().currentRevision.revision } }}
      </p>
      @if (timeChange(); as time) {
        <section class="change" data-testid="diff-time">
          <h4 class="change__label">{{ 'approvals.diff.time' | transloco }}</h4>
          <p class="change__text">
            <del [attr.aria-label]="'approvals.diff.removed' | transloco">{{ time.approved ?? ('approvals.diff.noTime' | transloco) }}</del>
            <span aria-hidden="true"> → </span>
            <ins [attr.aria-label]="'approvals.diff.added' | transloco">{{ time.current ?? ('approvals.diff.noTime' | transloco) }}</ins>
          </p>
        </section>
      }
      @for (change of changes(); track change.id) {
        <section class="change" data-testid="diff-change">
          <h4 class="change__label">{{ change.label | textOrKey }}</h4>
          <p class="change__text">
            @for (part of change.parts; track $index) {
              @switch (part.kind) {
                @case ('added') {
                  <ins [attr.aria-label]="'approvals.diff.added' | transloco">{{ part.text }}</ins>
                }
                @case ('removed') {
                  <del [attr.aria-label]="'approvals.diff.removed' | transloco">{{ part.text }}</del>
                }
                @default {
                  <span>{{ part.text }}</span>
                }
              }
            }
          </p>
        </section>
      } @empty {
        <p data-testid="diff-none">{{ 'approvals.diff.noTextChanges' | transloco }}</p>
      }
    }
  `,
  styles: `
    .intro {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .change__label {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .change__text {
      margin: 0 0 1rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    ins {
      background: #d7f5dd;
      color: #0d5a1e;
      text-decoration: underline;
    }
    del {
      background: #ffe0d6;
      color: #8a2a0a;
    }
  `,
})
export class RevisionDiffComponent {
  readonly summary = input.required<ReviewSummary>();
  readonly channels = input.required<readonly ChannelView[]>();
  /** The organisation's zone, in which the planned times are written. */
  readonly timeZone = input<string | null>(null);
  private readonly language = injectActiveLanguage();

  protected readonly approved = computed(() => this.summary().lastApprovedRevision);
  /** The time last signed off and the time now, written out; null when the edit left the time alone. */
  protected readonly timeChange = computed(() => {
    const change = this.summary().timeChange;
    if (!change) return null;
    const write = (instant: string | null) => diffTime(instant, this.timeZone(), this.language());
    return { approved: write(change.approved), current: write(change.current) };
  });
  protected readonly changes = computed(() => {
    const approved = this.approved();
    return approved ? changedTexts(approved.content, this.summary().currentRevision.content, this.channels()) : [];
  });
}
