import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now, prints every violation (rule, impact, the elements it found,
 * what it means) and fails when any is serious or critical. Moderate and minor ones are printed only.
 * The result is attached to the test's report as `axe-<name>.json`.
 */
export async function expectNoSeriousA11yViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.flatMap((violation) => [
    `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.nodes.length}×)`,
    ...violation.nodes.slice(0, 8).map((node) => `      ${node.target.join(' ')} — ${firstLine(node.failureSummary)}`),
  ]);
  if (lines.length > 0) console.log(`axe on ${name}:\n${lines.join('\n')}`);
  await test.info().attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  expect
    .soft(
      blocking.map(
        (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
      `serious or critical accessibility violations on ${name}`,
    )
    .toEqual([]);
}

function firstLine(summary: string | undefined): string {
  const lines = (summary ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(0, 2).join(' ');
}
