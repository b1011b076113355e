import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import type { PublishingProblem } from './publishing-problem';

/**
 * A refused action in words: what went wrong, the server's own words, and the way forward (what to
 * do, or a button to load the current state when the target changed meanwhile).
 */
@Component({
  selector: 'kd-publishing-problem',
  imports: [MatButtonModule, TranslocoPipe],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="problem" role="alert">
      <p class="problem__text">
        {{ problem().reasonKey | transloco }}
        @if (problem().serverMessage) {
          <span class="problem__server">{{ 'publishing.problems.serverSaid' | transloco: { message: problem().serverMessage } }}</span>
        }
        @if (problem().actionKey; as actionKey) {
          {{ actionKey | transloco }}
        }
      </p>
      @if (loadFailed()) {
        <button mat-button type="button" (click)="reload.emit()" data-testid="problem-reload">
          {{ 'publishing.problems.loadAgain' | transloco }}
        </button>
      } @else if (problem().reload && reloadable()) {
        <button mat-button type="button" (click)="reload.emit()" data-testid="problem-reload">
          {{ 'publishing.problems.reload' | transloco }}
        </button>
      }
    </div>
  `,
  styles: `
    .problem {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      color: var(--mat-sys-error);
    }
    .problem__text {
      margin: 0;
    }
  `,
})
export class PublishingProblemComponent {
  readonly problem = input.required<PublishingProblem>();
  /** Whether a reload button makes sense here (not inside a dialog). */
  readonly reloadable = input(false);
  /** The problem is that something could not be read: trying again is always the way forward. */
  readonly loadFailed = input(false);
  readonly reload = output<void>();
}
