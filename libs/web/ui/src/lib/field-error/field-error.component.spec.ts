import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { TranslocoTestingModule } from '@jsverse/transloco';

import { applyServerFieldErrors } from '../server-field-errors/server-field-errors';
import { FieldErrorComponent } from './field-error.component';

@Component({
  imports: [FieldErrorComponent],
  template: `<kd-field-error [control]="form.controls.email" />`,
})
class HostComponent {
  readonly form = new FormGroup({ email: new FormControl('', [Validators.required, Validators.email]) });
}

describe('FieldErrorComponent', () => {
  it('follows the control’s errors as they change, without zone.js', async () => {
    TestBed.configureTestingModule({
      imports: [
        HostComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { validation: { required: 'Required.', email: 'Enter a valid e-mail address.' } } },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
    });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent?.trim();
    expect(text()).toBe('Required.');

    fixture.componentInstance.form.controls.email.setValue('not-an-address');
    await fixture.whenStable();
    expect(text()).toBe('Enter a valid e-mail address.');

    applyServerFieldErrors(fixture.componentInstance.form, [{ field: 'email', messages: ['email is blocked'] }]);
    await fixture.whenStable();
    expect(text()).toBe('email is blocked');
  });
});
