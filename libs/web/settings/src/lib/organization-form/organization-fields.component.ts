import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { COUNTRIES, LOCALES } from '@kadens/shared/contracts';
import { FieldErrorComponent, LOCALE_ENDONYMS } from '@kadens/web/ui';
import { startWith, switchMap } from 'rxjs';

import type { OrganizationFormGroup } from './organization-form';
import { filterTimeZones, supportedTimeZones } from './time-zones';

/** The fields an organisation is described by; shared by the settings page and the "create" dialog. */
@Component({
  selector: 'kd-organization-fields',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organization-fields.component.html',
  styles: `
    .organization-fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      align-items: start;
      column-gap: 1rem;
      row-gap: 1rem;
    }
  `,
})
export class OrganizationFieldsComponent {
  readonly form = input.required<OrganizationFormGroup>();

  protected readonly countries = COUNTRIES;
  protected readonly locales = LOCALES;
  protected readonly endonyms = LOCALE_ENDONYMS;

  private readonly allTimeZones = supportedTimeZones();
  private readonly timeZoneQuery = toSignal(
    toObservable(this.form).pipe(switchMap((form) => form.controls.timeZone.valueChanges.pipe(startWith(form.controls.timeZone.value)))),
    { initialValue: '' },
  );
  /** While the field holds a whole zone, offer them all, so the list is a list and not one line. */
  protected readonly timeZoneOptions = computed(() => {
    const query = this.timeZoneQuery();
    return filterTimeZones(this.allTimeZones, this.allTimeZones.includes(query) ? '' : query, 600);
  });
}
