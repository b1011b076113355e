import { FormControl, FormGroup, Validators } from '@angular/forms';

import { applyServerFieldErrors, SERVER_ERROR_KEY, setTranslatedError, TRANSLATED_ERROR_KEY } from './server-field-errors';

describe('applyServerFieldErrors', () => {
  function form() {
    return new FormGroup({
      email: new FormControl('a@b.no', Validators.required),
      members: new FormControl(''),
      initialPassword: new FormControl(''),
    });
  }

  it('puts each message on its control, marks it touched and returns the rest', () => {
    const group = form();
    const unmatched = applyServerFieldErrors(group, [
      { field: 'email', messages: ['email must be an email'] },
      { field: 'members.0.name', messages: ['too long'] },
      { field: 'unknownThing', messages: ['property unknownThing should not exist'] },
    ]);
    expect(group.controls.email.errors).toEqual({ [SERVER_ERROR_KEY]: ['email must be an email'] });
    expect(group.controls.email.touched).toBe(true);
    expect(group.controls.members.errors).toEqual({ [SERVER_ERROR_KEY]: ['too long'] });
    expect(unmatched).toEqual([{ field: 'unknownThing', messages: ['property unknownThing should not exist'] }]);
  });

  it('follows a field-to-control map', () => {
    const group = form();
    applyServerFieldErrors(group, [{ field: 'password', messages: ['too short'] }], { password: 'initialPassword' });
    expect(group.controls.initialPassword.errors).toEqual({ [SERVER_ERROR_KEY]: ['too short'] });
  });

  it('lets the error go once the user edits the field', () => {
    const group = form();
    applyServerFieldErrors(group, [{ field: 'email', messages: ['taken'] }]);
    group.controls.email.setValue('other@b.no');
    expect(group.controls.email.errors).toBeNull();
  });
});

describe('setTranslatedError', () => {
  it('pins a translation key on the control', () => {
    const control = new FormControl('');
    setTranslatedError(control, 'errors.code.already_member');
    expect(control.errors).toEqual({ [TRANSLATED_ERROR_KEY]: 'errors.code.already_member' });
    expect(control.touched).toBe(true);
  });
});
