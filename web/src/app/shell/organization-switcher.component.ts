import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatDividerModule } from '@angular/material/divider';
import { MatFormFieldModule } from '@angular/material/form-field';
import { type MatSelect, type MatSelectChange, MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MembershipView, OrganizationId } from '@kadens/shared/contracts';

/** Stands for "create a new organisation" among the options; no organisation id looks like it. */
const CREATE_OPTION = '::create-organization';

/** Chooses the organisation to work in; its last option, where allowed, opens the "create organisation" dialog. */
@Component({
  selector: 'kd-organization-switcher',
  imports: [MatDividerModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-block;
    }
    mat-form-field {
      width: 16rem;
      max-width: 40vw;
    }
    @media (max-width: 599.98px) {
      :host {
        display: block;
      }
      mat-form-field {
        width: 100%;
        max-width: none;
      }
    }
  `,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'shell.organization' | transloco }}</mat-label>
      <mat-select #select data-testid="org-switcher" [value]="activeOrganizationId()" (selectionChange)="choose($event, select)">
        @for (membership of memberships(); track membership.organizationId) {
          <mat-option [value]="membership.organizationId" [attr.data-testid]="'org-option-' + membership.organizationSlug">
            {{ membership.organizationName }}
          </mat-option>
        }
        @if (canCreate()) {
          <mat-divider />
          <mat-option [value]="createOption" data-testid="org-create">
            {{ 'shell.createOrganization' | transloco }}
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class OrganizationSwitcherComponent {
  readonly memberships = input.required<readonly MembershipView[]>();
  readonly activeOrganizationId = input.required<OrganizationId | null>();
  /** Whether the installation lets this person create organisations; without it there is no such option. */
  readonly canCreate = input(false);
  readonly organizationChange = output<OrganizationId>();
  readonly createOrganization = output<void>();

  protected readonly createOption = CREATE_OPTION;

  protected choose(change: MatSelectChange<string>, select: MatSelect): void {
    if (change.value === CREATE_OPTION) {
      // Opening the dialog is not a choice of organisation: keep showing the current one.
      select.value = this.activeOrganizationId();
      this.createOrganization.emit();
      return;
    }
    this.organizationChange.emit(change.value);
  }
}
