import { FormControl, FormGroup } from '@angular/forms';
import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';

import { applyAccountFieldErrors, passwordLengthValidator, sameAs } from './password-errors';

describe('password errors', () => {
  it.each([
    ['', null],
    ['eleven char', { messageKey: 'account.password.problems.too_short' }],
    ['twelve chars', null],
    ['🙂'.repeat(11), { messageKey: 'account.password.problems.too_short' }],
    ['x'.repeat(201), { messageKey: 'account.password.problems.too_long' }],
  ])('checks the length of %j', (value, expected) => {
    expect(passwordLengthValidator(new FormControl(value))).toEqual(expected);
  });

  it('wants the repeat to say the same as the password', () => {
    const form = new FormGroup({ password: new FormControl('one passphrase'), repeat: new FormControl('', [sameAs('password')]) });
    form.controls.repeat.setValue('another passphrase');
    expect(form.controls.repeat.errors).toEqual({ messageKey: 'account.password.mismatch' });
    form.controls.repeat.setValue('one passphrase');
    expect(form.controls.repeat.errors).toBeNull();
  });

  it('translates the problems the policy names and leaves the rest in the API’s words', () => {
    const form = new FormGroup({ password: new FormControl('x'), token: new FormControl('t') });
    const unmatched = applyAccountFieldErrors(form, [
      { field: 'password', messages: [PASSWORD_PROBLEM_MESSAGES.guessable] },
      { field: 'token', messages: ['is odd'] },
      { field: 'elsewhere', messages: ['nobody takes this'] },
    ]);
    expect(form.controls.password.errors).toEqual({ messageKey: 'account.password.problems.guessable' });
    expect(form.controls.token.errors).toEqual({ server: ['is odd'] });
    expect(unmatched).toEqual([{ field: 'elsewhere', messages: ['nobody takes this'] }]);
  });
});
