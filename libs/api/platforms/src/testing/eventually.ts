/**
 * Retries an assertion until it holds or the time is up. After a client gives up on a slow answer,
 * the fake may still be reading the request (on a busy machine); asserting at once would race it,
 * and the late arrival would then spill into the next test.
 */
export async function eventually(assertion: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
