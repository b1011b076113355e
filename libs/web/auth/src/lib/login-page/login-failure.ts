import type { FieldError } from '@kadens/shared/contracts';
import type { ApiProblem } from '@kadens/web/data-access';

/**
 * How the login form answers a failed login: a message on the form itself (wrong credentials, too many
 * attempts), messages on its fields (400), or a general report for everything else (server down...).
 */
type LoginFailure =
  { kind: 'form'; messageKey: string } | { kind: 'fields'; fieldErrors: FieldError[] } | { kind: 'report'; problem: ApiProblem };

export function describeLoginFailure(problem: ApiProblem): LoginFailure {
  // 401 never says whether the e-mail or the password was wrong, and neither does the message.
  if (problem.status === 401 || problem.code === 'invalid_credentials') {
    return { kind: 'form', messageKey: 'auth.login.invalidCredentials' };
  }
  if (problem.status === 429) {
    return { kind: 'form', messageKey: 'auth.login.tooManyAttempts' };
  }
  if (problem.status === 400 && problem.fieldErrors.length > 0) {
    return { kind: 'fields', fieldErrors: problem.fieldErrors };
  }
  return { kind: 'report', problem };
}
