import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationId, OrganizationView } from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError, OrganizationsApi, SessionStore } from '@kadens/web/data-access';
import { applyServerFieldErrors, ProblemNotifier } from '@kadens/web/ui';

import { buildOrganizationForm, organizationDefaults } from '../organization-form/organization-form';
import { OrganizationFieldsComponent } from '../organization-form/organization-fields.component';

/** The active organisation's settings: editable by whoever may update it, read-only for the rest. */
@Component({
  selector: 'kd-organization-settings',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatProgressBarModule, TranslocoPipe, OrganizationFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organization-settings.component.html',
})
export class OrganizationSettingsComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly session = inject(SessionStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);

  protected readonly form = buildOrganizationForm(inject(NonNullableFormBuilder), organizationDefaults('en'));
  protected readonly canEdit = computed(() => this.activeOrganization.can('organization.update'));
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly organization = signal<OrganizationView | null>(null);

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      const canEdit = this.canEdit();
      untracked(() => {
        if (canEdit) this.form.enable();
        else this.form.disable();
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  protected async save(): Promise<void> {
    const organization = this.organization();
    if (!organization || !this.canEdit() || this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const saved = await this.api.update(organization.id, this.form.getRawValue());
      this.show(saved);
      this.notifier.announce('settings.organization.saved');
      // The organisation's name and default language also live in the session's memberships.
      await this.session.refresh();
    } catch (error) {
      const problem = describeApiError(error);
      const unmatched = problem.status === 400 ? applyServerFieldErrors(this.form, problem.fieldErrors) : [];
      if (problem.status !== 400 || problem.fieldErrors.length === 0 || unmatched.length > 0) {
        this.notifier.report(problem);
      }
    } finally {
      this.saving.set(false);
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    this.loading.set(true);
    try {
      const organization = await this.api.get(organizationId);
      if (this.activeOrganization.organizationId() === organizationId) this.show(organization);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private show(organization: OrganizationView): void {
    this.organization.set(organization);
    const { name, slug, timeZone, country, defaultLocale, capacityHoursPerWeek, readabilityTarget = null } = organization;
    this.form.reset({ name, slug, timeZone, country, defaultLocale, capacityHoursPerWeek, readabilityTarget });
  }
}
