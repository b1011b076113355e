import { HttpErrorResponse } from '@angular/common/http';

import { STRATEGY_API_PATHS } from './strategy-api-paths';
import { strategyErrorCode } from './strategy-error-code';

describe('strategyErrorCode', () => {
  const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

  it.each([
    [failure(409, { code: 'name_taken' }), 'name_taken'],
    [failure(409, { code: 'theme_in_use' }), 'theme_in_use'],
    [failure(400, { code: 'unknown_reference', errors: [{ field: 'channelIds', messages: ['x'] }] }), 'unknown_reference'],
    [failure(400, { code: 'not_a_member' }), 'not_a_member'],
    [failure(409, { code: 'last_admin' }), null],
    [failure(400, { code: 'validation_failed' }), null],
    [failure(500, 'Internal Server Error'), null],
    [failure(0, null), null],
    [new Error('not an HTTP failure'), null],
  ])('reads %#', (error, code) => {
    expect(strategyErrorCode(error)).toBe(code);
  });
});

describe('STRATEGY_API_PATHS', () => {
  it('places every strategy endpoint under the organisation', () => {
    expect(STRATEGY_API_PATHS.collection('o1', 'themes')).toBe('/api/organizations/o1/themes');
    expect(STRATEGY_API_PATHS.item('o1', 'initiatives', 'i 1')).toBe('/api/organizations/o1/initiatives/i%201');
    expect(STRATEGY_API_PATHS.workload('o1')).toBe('/api/organizations/o1/strategy/workload');
    expect(STRATEGY_API_PATHS.channelPromises('o1', 'c 1')).toBe('/api/organizations/o1/channels/c%201/promises');
  });
});
