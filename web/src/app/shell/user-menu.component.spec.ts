import { initialsOf } from './user-menu.component';

describe('initialsOf', () => {
  it('takes the first letters of the first and the last name, for the phone’s toolbar', () => {
    expect(initialsOf('Erik Redaktør')).toBe('ER');
    expect(initialsOf('  Anne  Marie   Godkjenner ')).toBe('AG');
    expect(initialsOf('øystein')).toBe('Ø');
    expect(initialsOf('')).toBe('?');
  });
});
