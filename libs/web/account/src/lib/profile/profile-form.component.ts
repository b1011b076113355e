import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOCALES, type Locale } from '@kadens/shared/contracts';
import { describeApiError, SessionStore } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, LOCALE_ENDONYMS, ProblemNotifier } from '@kadens/web/ui';

/** The language option that clears your own choice, so the organisation's language applies. */
const FOLLOW_ORGANIZATION = 'organization';

/** Your name and language; "follow the organisation" clears your own choice. */
@Component({
  selector: 'kd-profile-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../account-sections.scss',
  template: `
    <form class="profile" [formGroup]="form" (ngSubmit)="save()" novalidate aria-labelledby="profile-title" data-testid="profile-form">
      <h2 id="profile-title" class="account-section__title">{{ 'account.profile.title' | transloco }}</h2>
      <p class="profile__email">{{ 'account.profile.email' | transloco: { email: session.user()?.email ?? '' } }}</p>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'account.profile.name' | transloco }}</mat-label>
        <input matInput formControlName="name" autocomplete="name" required maxlength="120" data-testid="profile-name" />
        <mat-error><kd-field-error [control]="form.controls.name" /></mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'account.profile.language' | transloco }}</mat-label>
        <mat-select formControlName="locale" data-testid="profile-locale">
          <!-- Drawn here, not copied from the option, so it follows the language once its texts arrive. -->
          <mat-select-trigger>
            @if (chosenEndonym(); as endonym) {
              {{ endonym }}
            } @else {
              {{ 'account.profile.followOrganization' | transloco }}
            }
          </mat-select-trigger>
          <mat-option [value]="followOrganization">{{ 'account.profile.followOrganization' | transloco }}</mat-option>
          @for (locale of locales; track locale) {
            <mat-option [value]="locale" [attr.lang]="locale">{{ endonyms[locale] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>

      @if (saved()) {
        <p class="account-notice" role="status" data-testid="profile-saved">{{ 'account.profile.saved' | transloco }}</p>
      }
      <div class="account-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="profile-save">
          {{ 'account.profile.save' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .profile {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .profile__email {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class ProfileFormComponent {
  private readonly notifier = inject(ProblemNotifier);
  protected readonly session = inject(SessionStore);
  protected readonly locales = LOCALES;
  protected readonly endonyms = LOCALE_ENDONYMS;
  protected readonly followOrganization = FOLLOW_ORGANIZATION;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    locale: [FOLLOW_ORGANIZATION as Locale | typeof FOLLOW_ORGANIZATION],
  });
  private readonly chosenLocale = toSignal(this.form.controls.locale.valueChanges, { initialValue: this.form.controls.locale.value });
  /** The chosen language's own name; null when following the organisation. */
  protected readonly chosenEndonym = computed(() => {
    const locale = this.chosenLocale();
    return locale === FOLLOW_ORGANIZATION ? null : LOCALE_ENDONYMS[locale];
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    // Fills the form once the session is known (and again if it changes elsewhere, e.g. the language picker).
    effect(() => {
      const user = this.session.user();
      if (user && !this.form.dirty) this.form.setValue({ name: user.name, locale: user.locale ?? FOLLOW_ORGANIZATION });
    });
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const { name, locale } = this.form.getRawValue();
    try {
      await this.session.updateMe({ name, locale: locale === FOLLOW_ORGANIZATION ? null : locale });
      this.form.markAsPristine();
      this.saved.set(true);
    } catch (error) {
      const problem = describeApiError(error);
      if (applyServerFieldErrors(this.form, problem.fieldErrors).length > 0 || problem.fieldErrors.length === 0)
        this.notifier.report(problem);
    } finally {
      this.saving.set(false);
    }
  }
}
