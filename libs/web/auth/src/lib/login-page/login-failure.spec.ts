import type { ApiProblem } from '@kadens/web/data-access';

import { describeLoginFailure } from './login-failure';

function problem(changes: Partial<ApiProblem>): ApiProblem {
  return { status: 500, code: null, fieldErrors: [], reasonKey: 'errors.reason.server', actionKey: 'errors.action.tryAgain', ...changes };
}

describe('describeLoginFailure', () => {
  it('answers wrong credentials on the form, without saying which part was wrong', () => {
    expect(describeLoginFailure(problem({ status: 401, code: 'invalid_credentials' }))).toEqual({
      kind: 'form',
      messageKey: 'auth.login.invalidCredentials',
    });
    expect(describeLoginFailure(problem({ status: 401 }))).toEqual({
      kind: 'form',
      messageKey: 'auth.login.invalidCredentials',
    });
  });

  it('asks the user to wait a minute when throttled', () => {
    expect(describeLoginFailure(problem({ status: 429 }))).toEqual({
      kind: 'form',
      messageKey: 'auth.login.tooManyAttempts',
    });
  });

  it('puts validation errors on the fields', () => {
    const fieldErrors = [{ field: 'email', messages: ['email must be an email'] }];
    expect(describeLoginFailure(problem({ status: 400, fieldErrors }))).toEqual({ kind: 'fields', fieldErrors });
  });

  it.each([0, 500, 503, 400])('reports anything else (status %i) in general terms', (status) => {
    const failed = problem({ status });
    expect(describeLoginFailure(failed)).toEqual({ kind: 'report', problem: failed });
  });
});
