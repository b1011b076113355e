import { isConnectionFailure } from './retry-database';

describe('isConnectionFailure', () => {
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  it.each([
    ['a lost connection (SQLSTATE 08006)', Object.assign(new Error('x'), { code: '08006' })],
    [
      'an administrator shutdown (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a server starting up', new Error('the database system is starting up')],
    [
      'a query runner released after its connection died',
      named('QueryRunnerAlreadyReleasedError', 'Query runner already released. Cannot run queries anymore.'),
    ],
    [
      'its provider released',
      named(
        'QueryRunnerProviderAlreadyReleasedError',
        'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
      ),
    ],
  ])('retries %s', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['not an error at all', 'nope'],
  ])('does not retry %s', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
