import { ChangeDetectionStrategy, Component, type ElementRef, inject, type OnDestroy, type OnInit, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExternalReviewDecision, ExternalReviewPageView, Locale } from '@kadens/shared/contracts';
import { LanguageService } from '@kadens/web/data-access';
import { LanguagePickerComponent, PLATFORM_NAMES } from '@kadens/web/ui';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { type DeadLink, deadLinkOf, ExternalReviewApi } from './external-review.api';

/** The route parameter of `/external-review/:token`. */
export const EXTERNAL_REVIEW_TOKEN_PARAM = 'token';

type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; view: ExternalReviewPageView }
  | { kind: 'decided'; decision: ExternalReviewDecision; view: ExternalReviewPageView }
  | { kind: 'dead'; reason: DeadLink };

/**
 * Where the external review mail's link leads, for someone without an account: the post read-only in
 * the organisation's language (a picker to change it), Approve or Request changes with a comment, and a
 * page of its own for each link that no longer works. Every state's heading takes the focus.
 */
@Component({
  selector: 'kd-external-review-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LanguagePickerComponent,
    ZonedDateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './external-review-page.component.html',
  styleUrl: './external-review-page.component.scss',
})
export class ExternalReviewPageComponent implements OnInit, OnDestroy {
  private readonly api = inject(ExternalReviewApi);
  private readonly token = inject(ActivatedRoute).snapshot.paramMap.get(EXTERNAL_REVIEW_TOKEN_PARAM) ?? '';
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');
  protected readonly language = inject(LanguageService);
  protected readonly platformNames = PLATFORM_NAMES;

  protected readonly state = signal<PageState>({ kind: 'loading' });
  protected readonly requesting = signal(false);
  protected readonly busy = signal(false);
  protected readonly commentMissing = signal(false);
  protected readonly failed = signal(false);
  protected comment = '';

  ngOnInit(): void {
    void this.load();
  }

  ngOnDestroy(): void {
    this.language.usePageLocale(null);
  }

  /** The page speaks the organisation's language; the picker switches it for this page only (nothing is saved). */
  protected chooseLanguage(locale: Locale): void {
    this.language.usePageLocale(locale);
  }

  protected startRequest(): void {
    this.requesting.set(true);
    setTimeout(() => document.getElementById('external-review-comment')?.focus());
  }

  protected async decide(decision: ExternalReviewDecision, view: ExternalReviewPageView): Promise<void> {
    const comment = this.comment.trim();
    if (decision === 'request_changes' && !comment) {
      this.commentMissing.set(true);
      document.getElementById('external-review-comment')?.focus();
      return;
    }
    this.busy.set(true);
    this.failed.set(false);
    try {
      await this.api.decide(this.token, decision === 'approve' ? { decision } : { decision, comment });
      this.show({ kind: 'decided', decision, view });
    } catch (error) {
      const reason = deadLinkOf(error);
      if (reason === 'failed') this.failed.set(true);
      else this.show({ kind: 'dead', reason });
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    if (!this.token) return this.show({ kind: 'dead', reason: 'unknown' });
    try {
      const view = await this.api.open(this.token);
      this.language.usePageLocale(view.organization.locale);
      this.show({ kind: 'ready', view });
    } catch (error) {
      this.show({ kind: 'dead', reason: deadLinkOf(error) });
    }
  }

  private show(state: PageState): void {
    this.state.set(state);
    setTimeout(() => this.title()?.nativeElement.focus());
  }
}
