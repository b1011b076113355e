import { expect, type Page, test as base } from '@playwright/test';

/** A console error, an uncaught exception, or an /api answer of 400 or more, as seen by one page. */
export interface PageProblem {
  kind: 'console' | 'pageerror' | 'api';
  text: string;
}

export interface PageProblems {
  /** What was recorded so far. */
  readonly problems: PageProblem[];
  /** Forgets what was recorded (e.g. after a step that is meant to fail). */
  clear(): void;
  /** Fails the test (softly: it goes on), listing every problem, unless nothing was recorded (or all of it matches `allowed`). */
  expectNone(allowed?: RegExp[]): void;
  stop(): void;
}

/**
 * Records a page's console errors, uncaught exceptions and failed API answers (4xx/5xx under /api), so
 * a spec can say the console stayed clean. Use `watchPageProblems(page)` for pages a spec opens itself,
 * or the `pageProblems` fixture of `test` below, which watches the default `page` and fails the test
 * when anything was recorded.
 */
export function watchPageProblems(page: Page): PageProblems {
  const problems: PageProblem[] = [];
  const onConsole = (message: import('@playwright/test').ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    problems.push({ kind: 'console', text: `${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}` });
  };
  const onPageError = (error: Error) => problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}` });
  const onResponse = (response: import('@playwright/test').Response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && url.pathname.startsWith('/api/')) {
      problems.push({ kind: 'api', text: `${response.request().method()} ${url.pathname}${url.search} → ${response.status()}` });
    }
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  return {
    problems,
    clear: () => void problems.splice(0),
    expectNone(allowed = []) {
      const left = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem.text)));
      expect
        .soft(
          left.map((problem) => `${problem.kind}: ${problem.text}`),
          'console errors and failed API requests',
        )
        .toEqual([]);
    },
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
    },
  };
}

/** `test` with a `pageProblems` fixture: name it in a test's arguments and the test fails on any problem. */
export const test = base.extend<{ pageProblems: PageProblems }>({
  pageProblems: async ({ page }, use) => {
    const watch = watchPageProblems(page);
    await use(watch);
    watch.stop();
    watch.expectNone();
  },
});
