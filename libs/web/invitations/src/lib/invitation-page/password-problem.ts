import { type FieldError, passwordProblemKindOf } from '@kadens/shared/contracts';

/**
 * The translation key for a password the API refused, recognised by the API's words for each rule; null
 * for a message this web app does not know (it is then shown as the API wrote it).
 */
export function passwordProblemKey(message: string): string | null {
  const kind = passwordProblemKindOf(message);
  return kind ? `invitations.accept.passwordProblems.${kind}` : null;
}

/** The API's errors on `password`, split into what the web can say in the reader's language and the rest. */
export function splitPasswordErrors(fieldErrors: readonly FieldError[]): { keys: string[]; rest: FieldError[] } {
  const keys: string[] = [];
  const rest: FieldError[] = [];
  for (const error of fieldErrors) {
    const known = error.field === 'password' ? error.messages.map(passwordProblemKey).filter((key): key is string => key !== null) : [];
    if (known.length > 0) keys.push(...known);
    else rest.push(error);
  }
  return { keys, rest };
}
