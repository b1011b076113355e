import { IsEmail } from 'class-validator';
import { validate } from 'class-validator';

import { IsAcceptablePassword, passwordProblem, passwordProblemKind, personalWords } from './password-policy';

const kari = ['kari.nordmann@fjordvik.no', 'Kari Nordmann'];

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaaaa', 'guessable'],
    ['password1234', 'guessable'],
    ['qwertyuiop12', 'guessable'],
    ['Password123!', 'guessable'],
    ['short', 'too_short'],
    ['elevenchars', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['kari.nordmann@fjordvik.no', 'personal'],
    ['karinordmann2024', 'personal'],
  ])('refuses %j as %s', (password, kind) => {
    expect(passwordProblemKind(password, kari)).toBe(kind);
    expect(passwordProblem(password, kari)).toEqual(expect.any(String));
  });

  it.each(['correct horse battery staple kari', 'fjord lantern quietly pickles', 'Tre blå vafler før lunsj!'])(
    'accepts the passphrase %j',
    (password) => {
      expect(passwordProblem(password, kari)).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblemKind('🙂'.repeat(11), [])).toBe('too_short');
    expect(passwordProblemKind('blåbærsyltetøy på vaffel', [])).toBeNull();
  });

  it('splits e-mail and name into words of their own', () => {
    expect(personalWords('Kari.Nordmann@fjordvik.no', 'Kari Nordmann')).toEqual(
      expect.arrayContaining(['kari.nordmann@fjordvik.no', 'kari', 'nordmann', 'fjordvik', 'kari nordmann']),
    );
  });

  describe('as a class-validator decorator', () => {
    class NewAccount {
      @IsEmail()
      email!: string;
      name!: string;
      @IsAcceptablePassword()
      password!: string;
    }
    const build = (password: unknown) => Object.assign(new NewAccount(), { email: 'kari@fjordvik.no', name: 'Kari Nordmann', password });

    it('names the password and says why', async () => {
      const [error] = await validate(build('password1234'));
      expect(error?.property).toBe('password');
      expect(Object.values(error?.constraints ?? {})[0]).toMatch(/too easy to guess/);
    });

    it('uses the sibling e-mail and name', async () => {
      const [error] = await validate(build('kari@fjordvik.no'));
      expect(Object.values(error?.constraints ?? {})[0]).toMatch(/e-mail address or name/);
    });

    it('refuses what is not text and accepts a good passphrase', async () => {
      expect(await validate(build(42))).toHaveLength(1);
      expect(await validate(build('correct horse battery staple'))).toHaveLength(0);
    });
  });
});
