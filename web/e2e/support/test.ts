import { type BrowserContext, expect, test as base } from '@playwright/test';

export * from '@playwright/test';

/**
 * Every spec imports `test` from here instead of '@playwright/test': the same `test`, with one automatic
 * fixture that fails a test when any page it opened — the default `page`, or pages of contexts made with
 * `browser.newContext()` / `browser.newPage()` — logged a console error or threw an uncaught exception.
 *
 * Refusals the specs provoke on purpose (a 422 for a broken promise, a 409, a 401 for a wrong password)
 * make the browser log "Failed to load resource: … status of 4xx"; those are the API answering as
 * documented and the page shows them, so they are not counted. A 5xx is. Pages that must not cause even
 * an expected 4xx use `watchPageProblems` from ./page-problems.
 */
const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

function watch(context: BrowserContext, problems: string[]): void {
  const onPage = (page: import('@playwright/test').Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error' || EXPECTED_REFUSAL.test(message.text())) return;
      const where = message.location().url;
      problems.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.name}: ${error.message}`));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

export const test = base.extend<{ consoleStaysClean: void }, { consoleProblems: string[] }>({
  consoleProblems: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use([]);
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ browser, consoleProblems }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        watch(context, consoleProblems);
        return context;
      };
      await use(browser);
    },
    { scope: 'worker' },
  ],
  consoleStaysClean: [
    async ({ consoleProblems }, use) => {
      consoleProblems.splice(0);
      await use();
      expect(consoleProblems, 'console errors and uncaught exceptions on the pages this test opened').toEqual([]);
    },
    { auto: true },
  ],
});
