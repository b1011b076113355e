import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelConnectionView, ChannelView } from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError } from '@kadens/web/data-access';
import { FieldErrorComponent, ProblemNotifier, TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { ChannelConnectionsApi } from './channel-connections.api';
import { ChannelConnectionsStore } from './channel-connections.store';

type AppPasswordForm = FormGroup<{ identifier: FormControl<string>; appPassword: FormControl<string>; pdsUrl: FormControl<string> }>;

/**
 * Bluesky: the handle and an app password (never the account's own password), sent once to open a
 * session; Kadens keeps the session and renews it, not the password. The PDS only when the account
 * is not on bsky.social. Says `connected` with the stored connection.
 */
@Component({
  selector: 'kd-app-password-sign-in',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="app-password" [formGroup]="form" (ngSubmit)="signIn()" novalidate data-testid="app-password-form">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'connect.appPassword.identifier' | transloco }}</mat-label>
        <input
          matInput
          formControlName="identifier"
          autocomplete="off"
          spellcheck="false"
          placeholder="kommune.bsky.social"
          required
          data-testid="app-password-identifier"
        />
        <mat-error><kd-field-error [control]="form.controls.identifier" /></mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'connect.appPassword.appPassword' | transloco }}</mat-label>
        <!-- new-password: browsers must not fill in the person's own Kadens password here. -->
        <input
          matInput
          type="password"
          formControlName="appPassword"
          autocomplete="new-password"
          spellcheck="false"
          placeholder="xxxx-xxxx-xxxx-xxxx"
          required
          data-testid="app-password-password"
        />
        <mat-hint>{{ 'connect.appPassword.appPasswordHint' | transloco }}</mat-hint>
        <mat-error><kd-field-error [control]="form.controls.appPassword" /></mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'connect.appPassword.pdsUrl' | transloco }}</mat-label>
        <input
          matInput
          type="url"
          formControlName="pdsUrl"
          autocomplete="off"
          spellcheck="false"
          placeholder="https://bsky.social"
          data-testid="app-password-pds"
        />
        <mat-hint>{{ 'connect.appPassword.pdsHint' | transloco }}</mat-hint>
        <mat-error><kd-field-error [control]="form.controls.pdsUrl" /></mat-error>
      </mat-form-field>
      <div class="app-password__actions">
        <button mat-flat-button type="submit" [disabled]="signingIn()" data-testid="app-password-submit">
          {{ (signingIn() ? 'connect.appPassword.signingIn' : 'connect.appPassword.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .app-password {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 1rem;
    }
    .app-password__actions {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      grid-column: 1 / -1;
    }
  `,
})
export class AppPasswordSignInComponent {
  private readonly api = inject(ChannelConnectionsApi);
  private readonly connections = inject(ChannelConnectionsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);

  readonly channel = input.required<ChannelView>();
  readonly connected = output<ChannelConnectionView>();

  protected readonly signingIn = signal(false);
  protected readonly form: AppPasswordForm = new FormGroup({
    identifier: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    appPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    pdsUrl: new FormControl('', { nonNullable: true }),
  });

  protected async signIn(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId || this.signingIn()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { identifier, appPassword, pdsUrl } = this.form.getRawValue();
    this.signingIn.set(true);
    try {
      const view = await this.api.signInWithAppPassword(organizationId, this.channel().id, {
        identifier: identifier.trim(),
        appPassword: appPassword.trim(),
        ...(pdsUrl.trim() === '' ? {} : { pdsUrl: pdsUrl.trim() }),
      });
      this.connections.put(organizationId, view);
      // The app password has done its work: it is not kept, here either.
      this.form.controls.appPassword.reset('');
      this.connected.emit(view);
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.signingIn.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const field =
      error instanceof HttpErrorResponse && error.status === 400
        ? (error.error as { errors?: Array<{ field?: unknown }> })?.errors?.[0]?.field
        : null;
    if (field === 'appPassword' || field === 'pdsUrl' || field === 'identifier') {
      const control = this.form.controls[field];
      control.setErrors({ [TRANSLATED_ERROR_KEY]: `connect.appPassword.refused.${field}` });
      control.markAsTouched();
      return;
    }
    if (error instanceof HttpErrorResponse && (error.error as { code?: unknown } | null)?.code === 'platform_unreachable') {
      this.notifier.report({ reasonKey: 'connect.appPassword.unreachable', actionKey: null });
      return;
    }
    this.notifier.report(describeApiError(error));
  }
}
