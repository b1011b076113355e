import { PASSWORD_POLICY, PASSWORD_PROBLEM_MESSAGES, type PasswordProblemKind } from '@kadens/shared/contracts';
import { BadRequestException } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * zxcvbn's score 3 ("safely unguessable", about 10^8–10^10 guesses) is the floor: 2 falls to an online
 * attack that ignores our rate limit (a leaked hash), 4 refuses too many passphrases people can remember.
 */
export const MIN_PASSWORD_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** The words a person's own password must not be built from: their e-mail, its parts, their name. */
export function personalWords(...values: Array<string | null | undefined>): string[] {
  const words = new Set<string>(['kadens']);
  for (const value of values) {
    const text = value?.trim().toLowerCase();
    if (!text) continue;
    words.add(text);
    words.add(text.replace(/\s+/g, ''));
    for (const part of text.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Which rule the password breaks, or null when it is acceptable. Never called on login. */
export function passwordProblemKind(password: string, userInputs: string[]): PasswordProblemKind | null {
  const length = [...password].length;
  if (length < PASSWORD_POLICY.minLength) return 'too_short';
  if (length > PASSWORD_POLICY.maxLength) return 'too_long';
  const inputs = personalWords(...userInputs);
  const result = zxcvbn.check(password, inputs);
  const lower = password.toLowerCase();
  if (result.score < MIN_PASSWORD_SCORE) {
    const personal =
      result.sequence.some((match) => 'dictionaryName' in match && match.dictionaryName === 'userInputs') ||
      inputs.some((word) => word !== 'kadens' && word.length >= 4 && lower.includes(word));
    return personal ? 'personal' : 'guessable';
  }
  // zxcvbn rates "karinordmann2024" well because it does not know the parts belong together; judge what is left without them.
  let rest = lower;
  for (const word of [...inputs].sort((a, b) => b.length - a.length)) if (word.length >= 3) rest = rest.split(word).join(' ');
  if (rest !== lower && zxcvbn.check(rest.trim(), inputs).score < MIN_PASSWORD_SCORE) return 'personal';
  return null;
}

/** A plain-words reason why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, userInputs: string[]): string | null {
  const kind = passwordProblemKind(password, userInputs);
  return kind ? PASSWORD_PROBLEM_MESSAGES[kind] : null;
}

/** Throws the usual 400 (`validation_failed`, naming `field`) when the password is refused. */
export function assertAcceptablePassword(password: string, userInputs: string[], field = 'password'): void {
  const problem = passwordProblem(password, userInputs);
  if (problem)
    throw new BadRequestException({ message: `${field}: ${problem}`, code: 'validation_failed', errors: [{ field, messages: [problem] }] });
}

/**
 * Validates a new password against the policy. Sibling properties named in `userInputsFrom` (by default
 * `email` and `name`) count as the person's own words; when the DTO does not carry them, the service
 * checks again with `assertAcceptablePassword` and the account's e-mail and name.
 */
export function IsAcceptablePassword(
  options: { userInputsFrom?: string[] } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const from = options.userInputsFrom ?? ['email', 'name'];
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if (typeof value !== 'string') return false;
          return passwordProblem(value, inputsOf(args.object, from)) === null;
        },
        defaultMessage(args: ValidationArguments): string {
          if (typeof args.value !== 'string') return 'The password must be text.';
          return passwordProblem(args.value, inputsOf(args.object, from)) ?? 'The password is not acceptable.';
        },
      },
    });
  };
}

function inputsOf(object: object, properties: string[]): string[] {
  const record = object as Record<string, unknown>;
  return properties.map((property) => record[property]).filter((value): value is string => typeof value === 'string');
}
