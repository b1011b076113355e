import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApprovalPolicyView, OrganizationId } from '@kadens/shared/contracts';
import { ActiveOrganization, ApprovalSettingsApi, describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

/** How many approvals a post needs (1–3), and whether an administrator must be among them. */
@Component({
  selector: 'kd-approval-policy-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule, MatSlideToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (policy(); as policy) {
      @if (canEdit()) {
        <form class="policy" (ngSubmit)="save()" data-testid="policy-form">
          <mat-form-field class="policy__count">
            <mat-label>{{ 'approvals.settings.approvalsRequired' | transloco }}</mat-label>
            <mat-select
              name="approvalsRequired"
              data-testid="policy-approvals-required"
              [ngModel]="required()"
              (ngModelChange)="required.set($event)"
            >
              @for (count of counts; track count) {
                <mat-option [value]="count">{{ count }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-slide-toggle
            name="adminRequired"
            data-testid="policy-admin-required"
            [ngModel]="adminRequired()"
            (ngModelChange)="adminRequired.set($event)"
          >
            {{ 'approvals.settings.adminRequired' | transloco }}
          </mat-slide-toggle>
          <p class="hint">{{ 'approvals.settings.sensitiveNote' | transloco }}</p>
          <button mat-flat-button type="submit" data-testid="policy-save" [disabled]="saving() || !changed()">
            {{ (saving() ? 'common.saving' : 'common.save') | transloco }}
          </button>
        </form>
      } @else {
        <p data-testid="policy-summary">
          {{ 'approvals.settings.policySummary' | transloco: { count: policy.approvalsRequired } }} ·
          {{ (policy.adminApprovalRequired ? 'approvals.settings.adminRequiredYes' : 'approvals.settings.adminRequiredNo') | transloco }}
        </p>
        <p class="hint">{{ 'approvals.settings.readOnly' | transloco }}</p>
      }
    }
  `,
  styles: `
    .policy {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .policy__count {
      width: 18rem;
      max-width: 100%;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ApprovalPolicyFormComponent {
  private readonly api = inject(ApprovalSettingsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);

  protected readonly counts = [1, 2, 3] as const;
  protected readonly canEdit = computed(() => this.activeOrganization.can('organization.update'));
  protected readonly policy = signal<ApprovalPolicyView | null>(null);
  protected readonly required = signal<1 | 2 | 3>(1);
  protected readonly adminRequired = signal(false);
  protected readonly saving = signal(false);
  protected readonly changed = computed(() => {
    const policy = this.policy();
    return !!policy && (policy.approvalsRequired !== this.required() || policy.adminApprovalRequired !== this.adminRequired());
  });

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      untracked(() => {
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  protected async save(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId || !this.changed() || this.saving()) return;
    this.saving.set(true);
    try {
      this.show(
        await this.api.updatePolicy(organizationId, { approvalsRequired: this.required(), adminApprovalRequired: this.adminRequired() }),
      );
      this.notifier.announce('approvals.settings.policySaved');
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    try {
      const policy = await this.api.policy(organizationId);
      if (this.activeOrganization.organizationId() === organizationId) this.show(policy);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  private show(policy: ApprovalPolicyView): void {
    this.policy.set(policy);
    this.required.set(policy.approvalsRequired);
    this.adminRequired.set(policy.adminApprovalRequired);
  }
}
