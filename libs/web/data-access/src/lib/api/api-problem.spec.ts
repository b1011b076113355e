import { HttpErrorResponse } from '@angular/common/http';

import { describeApiError } from './api-problem';

function httpError(status: number, error: unknown = null): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, url: '/api/x' });
}

describe('describeApiError', () => {
  it.each([
    [0, 'errors.reason.network', 'errors.action.tryAgain'],
    [400, 'errors.reason.badRequest', 'errors.action.checkInput'],
    [401, 'errors.reason.sessionEnded', 'errors.action.logInAgain'],
    [403, 'errors.reason.forbidden', 'errors.action.askAdmin'],
    [404, 'errors.reason.notFound', 'errors.action.reload'],
    [409, 'errors.reason.conflict', 'errors.action.reload'],
    [413, 'errors.reason.tooLarge', 'errors.action.checkInput'],
    [429, 'errors.reason.tooManyRequests', 'errors.action.waitAMinute'],
    [500, 'errors.reason.server', 'errors.action.tryAgain'],
    [503, 'errors.reason.server', 'errors.action.tryAgain'],
    [418, 'errors.reason.unexpected', 'errors.action.tryAgain'],
  ])('status %i → %s + %s', (status, reasonKey, actionKey) => {
    expect(describeApiError(httpError(status))).toMatchObject({ status, code: null, reasonKey, actionKey });
  });

  it('explains a known error code in its own words, which already say what to do', () => {
    const problem = describeApiError(httpError(409, { statusCode: 409, error: 'Conflict', message: 'x', code: 'last_admin' }));
    expect(problem).toMatchObject({ code: 'last_admin', reasonKey: 'errors.code.last_admin', actionKey: null });
  });

  it('falls back to the status for an unknown code', () => {
    const problem = describeApiError(httpError(409, { statusCode: 409, error: 'Conflict', message: 'x', code: 'new_thing' }));
    expect(problem).toMatchObject({ code: null, reasonKey: 'errors.reason.conflict' });
  });

  it('keeps well-formed field errors and drops malformed ones', () => {
    const problem = describeApiError(
      httpError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'slug', messages: ['slug must match'] }, { nonsense: true }],
      }),
    );
    expect(problem.fieldErrors).toEqual([{ field: 'slug', messages: ['slug must match'] }]);
  });

  it('copes with a body that is not JSON', () => {
    expect(describeApiError(httpError(502, '<html>Bad gateway</html>'))).toMatchObject({
      reasonKey: 'errors.reason.server',
      fieldErrors: [],
    });
  });

  it('describes a non-HTTP failure as unexpected', () => {
    expect(describeApiError(new Error('boom'))).toMatchObject({ status: -1, reasonKey: 'errors.reason.unexpected' });
  });
});
