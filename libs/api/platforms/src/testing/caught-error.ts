/**
 * The error a promise rejects with, checked to be of `type`, so a spec can go on to assert its
 * fields. Throws when the promise resolves or rejects with something else.
 */
export async function caughtError<T extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`Expected ${type.name}, got ${describe(error)}`, { cause: error });
  }
  throw new Error(`Expected ${type.name}, but it resolved with ${JSON.stringify(outcome)}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
