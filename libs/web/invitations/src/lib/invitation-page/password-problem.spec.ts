import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';

import { passwordProblemKey, splitPasswordErrors } from './password-problem';

describe('password problems from the API', () => {
  it.each(Object.entries(PASSWORD_PROBLEM_MESSAGES))('recognises %s by the API’s words', (kind, message) => {
    expect(passwordProblemKey(message)).toBe(`invitations.accept.passwordProblems.${kind}`);
  });

  it('leaves unknown words and other fields as the API sent them', () => {
    expect(passwordProblemKey('something new')).toBeNull();
    const { keys, rest } = splitPasswordErrors([
      { field: 'password', messages: [PASSWORD_PROBLEM_MESSAGES.guessable] },
      { field: 'name', messages: ['too long'] },
      { field: 'password', messages: ['something new'] },
    ]);
    expect(keys).toEqual(['invitations.accept.passwordProblems.guessable']);
    expect(rest).toEqual([
      { field: 'name', messages: ['too long'] },
      { field: 'password', messages: ['something new'] },
    ]);
  });
});
