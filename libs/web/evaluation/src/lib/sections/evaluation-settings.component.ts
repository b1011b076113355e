import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationId } from '@kadens/shared/contracts';

import { EvaluationApi } from '../evaluation.api';

/**
 * The evaluation's two choices: my monthly e-mail (admins receive it; opt-out) and, for admins,
 * whether the public availability page shows "promises kept".
 */
@Component({
  selector: 'kd-evaluation-settings',
  imports: [MatSlideToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (isAdmin()) {
      <section aria-labelledby="evaluation-settings-title" data-testid="evaluation-settings">
        <h2 id="evaluation-settings-title">{{ 'evaluation.settings.title' | transloco }}</h2>
        @if (mail() !== null) {
          <p>
            <mat-slide-toggle [checked]="mail()" (change)="saveMail($event.checked)" data-testid="evaluation-mail-toggle">
              {{ 'evaluation.settings.mail' | transloco }}
            </mat-slide-toggle>
          </p>
          <p class="hint">{{ 'evaluation.settings.mailHint' | transloco }}</p>
        }
        @if (showPublic() !== null) {
          <p>
            <mat-slide-toggle [checked]="showPublic()" (change)="savePublic($event.checked)" data-testid="evaluation-public-toggle">
              {{ 'evaluation.settings.public' | transloco }}
            </mat-slide-toggle>
          </p>
          <p class="hint">{{ 'evaluation.settings.publicHint' | transloco }}</p>
        }
        <p class="status" role="status">
          @if (status(); as status) {
            {{ 'evaluation.settings.' + status | transloco }}
          }
        </p>
      </section>
    }
  `,
  styleUrl: './_evaluation-section.scss',
})
export class EvaluationSettingsComponent {
  private readonly api = inject(EvaluationApi);

  readonly organizationId = input.required<OrganizationId>();
  readonly isAdmin = input.required<boolean>();

  protected readonly mail = signal<boolean | null>(null);
  protected readonly showPublic = signal<boolean | null>(null);
  protected readonly status = signal<'saved' | 'failed' | null>(null);

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      const isAdmin = this.isAdmin();
      untracked(() => {
        if (isAdmin) void this.load(organizationId);
      });
    });
  }

  protected async saveMail(on: boolean): Promise<void> {
    await this.save(async () => this.mail.set((await this.api.setMailPreference(this.organizationId(), on)).monthlyEvaluation));
  }

  protected async savePublic(on: boolean): Promise<void> {
    await this.save(async () => this.showPublic.set((await this.api.setPublicPromisesKept(this.organizationId(), on)).show));
  }

  private async save(write: () => Promise<void>): Promise<void> {
    this.status.set(null);
    try {
      await write();
      this.status.set('saved');
    } catch {
      this.status.set('failed');
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    try {
      const [mail, shown] = await Promise.all([this.api.mailPreference(organizationId), this.api.publicPromisesKept(organizationId)]);
      this.mail.set(mail.monthlyEvaluation);
      this.showPublic.set(shown.show);
    } catch {
      // The settings stay hidden; the evaluation above says what went wrong with the server.
    }
  }
}
