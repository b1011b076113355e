import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';

import { APPROVALS_SCOPE } from '../i18n/approvals-scope';
import { ApprovalPolicyFormComponent } from './approval-policy-form.component';
import { ChecklistEditorComponent } from './checklist-editor.component';

/**
 * The organisation's sign-off settings as two cards: the approval policy and the review checklist.
 * Standalone with its own translation scope, so the settings page can show it as a section too.
 */
@Component({
  selector: 'kd-approval-settings',
  imports: [MatCardModule, TranslocoPipe, ApprovalPolicyFormComponent, ChecklistEditorComponent],
  providers: [provideTranslocoScope(APPROVALS_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="settings-card" data-testid="approval-policy">
      <mat-card-header>
        <mat-card-title
          ><h2 class="settings-card__title">{{ 'approvals.settings.policyTitle' | transloco }}</h2></mat-card-title
        >
        <mat-card-subtitle>{{ 'approvals.settings.policyIntro' | transloco }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content><kd-approval-policy-form /></mat-card-content>
    </mat-card>
    <mat-card appearance="outlined" class="settings-card" data-testid="checklist-settings">
      <mat-card-header>
        <mat-card-title
          ><h2 class="settings-card__title">{{ 'approvals.settings.checklistTitle' | transloco }}</h2></mat-card-title
        >
        <mat-card-subtitle>{{ 'approvals.settings.checklistIntro' | transloco }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content><kd-checklist-editor /></mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      max-width: 64rem;
    }
  `,
})
export class ApprovalSettingsComponent {}
