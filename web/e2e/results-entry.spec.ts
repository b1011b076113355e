import { expect, test } from './support/test';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { logInAs, organizationIdOf } from './support/members';

interface CalendarEntry {
  id: string;
  title: string;
  plannedAt: string;
  targets: Array<{ channelId: string; platform: string; state: string }>;
}

/**
 * Numbers people enter (issue 13), in the demo organisation's year: an audience's effect result for a
 * month, and a published post's numbers by hand beside the collected (demo) ones.
 */
test.describe('entering results', () => {
  test('an editor enters an effect result for an audience, and numbers for a published post', async ({ browser }) => {
    const editor = await logInAs(browser, 'editor@kadens.demo');
    const page = editor.page;
    try {
      const organizationId = await organizationIdOf(page, 'fjordvik');
      const api = `/api/organizations/${organizationId}`;

      // The audience's effect results: the demo year's months, newest first, and one changed by hand.
      await page.goto(`/o/${organizationId}/strategy?tab=audiences`);
      const audience = page.getByTestId('audience-item').filter({ hasText: 'Småbarnsforeldre' });
      await audience.getByTestId('audience-effect-results-toggle').click();
      const results = audience.getByTestId('effect-results');
      await expect(results.getByTestId('effect-results-target')).toContainText('søknader om barnehageplass');
      await expect(results.getByTestId('effect-result')).toHaveCount(12);
      const period = await results.getByTestId('effect-results-period').inputValue();
      expect(period).toMatch(/^\d{4}-\d{2}$/);
      await results.getByTestId('effect-results-period').fill('2026-13');
      await results.getByTestId('effect-results-value').fill('52');
      await results.getByTestId('effect-results-save').click();
      await expect(results.locator('mat-error')).toContainText('Write a month like 2026-11.');
      await results.getByTestId('effect-results-period').fill(period);
      await results.getByTestId('effect-results-note').fill('From the admissions system');
      await results.getByTestId('effect-results-save').click();
      const row = results.locator(`[data-testid="effect-result"][data-period="${period}"]`);
      await expect(row).toContainText('52');
      await expect(row).toContainText('From the admissions system');
      await expect(row).toContainText('Erik Redaktør');
      await expectNoSeriousA11yViolations(page, 'audience-effect-results');

      // A demo post published last month: its readings, then numbers entered by hand.
      const to = new Date();
      const from = new Date(to.getTime() - 30 * 86_400_000);
      const entries = (await (
        await page.request.get(`${api}/calendar?from=${from.toISOString()}&to=${to.toISOString()}`)
      ).json()) as CalendarEntry[];
      const entry = entries.find((candidate) => candidate.targets.some((t) => t.platform === 'facebook' && t.state === 'published'));
      expect(entry, 'a published demo post on Facebook').toBeDefined();
      // The calendar knows a target by its channel; the post gives the target's id.
      const post = (await (await page.request.get(`${api}/posts/${entry?.id ?? ''}`)).json()) as {
        targets: Array<{ id: string; platform: string }>;
      };
      const targetId = post.targets.find((t) => t.platform === 'facebook')?.id ?? '';

      await page.goto(`/o/${organizationId}/approvals/${entry?.id ?? ''}`);
      const target = page.locator(`[data-testid="delivery-target"][data-target-id="${targetId}"]`).first();
      await target.getByTestId('delivery-results-toggle').click();
      const panel = target.getByTestId('target-results');
      await expect(panel.getByTestId('target-results-metric').first()).toBeVisible();
      await expect(panel.getByTestId('target-results-snapshot').first()).toContainText('Demo numbers');
      await panel.getByTestId('target-results-enter').click();
      await panel.getByTestId('target-results-input-clicks').fill('1.5');
      await panel.getByTestId('target-results-save').click();
      await expect(panel.locator('mat-error')).toContainText('A whole number of 0 or more.');
      await panel.getByTestId('target-results-input-clicks').fill('140');
      await panel.getByTestId('target-results-note').fill('Counted in the web statistics');
      await panel.getByTestId('target-results-save').click();
      const clicks = panel.locator('[data-testid="target-results-metric"][data-metric="clicks"]');
      await expect(clicks.locator('td').nth(1)).toHaveText('140');
      await expect(clicks.locator('td').nth(2)).toHaveText('140');
      await expect(panel.getByTestId('target-results-manual-note')).toContainText('Counted in the web statistics');
      await expectNoSeriousA11yViolations(page, 'target-results');

      const saved = (await (await page.request.get(`${api}/publishing/targets/${targetId}/results`)).json()) as {
        manual: { numbers: Record<string, number>; note: string } | null;
        total: Record<string, number>;
      };
      expect(saved.manual?.numbers).toEqual({ clicks: 140 });
      expect(saved.total['clicks']).toBe(140);
    } finally {
      await page.request.patch('/api/me', { data: { locale: null } });
      await editor.context.close();
    }
  });
});
