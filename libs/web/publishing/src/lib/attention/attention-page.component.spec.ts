import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AttentionItem, Role } from '@kadens/shared/contracts';
import { COMPOSER, type PlanningCatalog, PlanningCatalogApi, PublishingStream } from '@kadens/web/data-access';

import { attentionItem, status } from '../testing/publishing-fixtures.testing';
import { answerOrganization, apiError, BASE, queries, settle, setUpPublishingTestBed } from '../testing/publishing-test-bed.testing';
import { AttentionPageComponent } from './attention-page.component';

const CATALOG = { organizationId: 'o1', timeZone: 'Europe/Oslo', channels: [] } as unknown as PlanningCatalog;

const ITEMS: AttentionItem[] = [
  attentionItem({
    reason: 'held',
    targetId: 't-held',
    state: 'held',
    message: 'Storm warning',
    attempts: 0,
    actions: ['publish_now', 'reschedule'],
  }),
  attentionItem(),
  attentionItem({
    reason: 'unconfirmed',
    targetId: 't-unc',
    postTitle: 'Library closed',
    channelName: 'Fjordvik on X',
    platform: 'x',
    state: 'unconfirmed',
    attempts: 1,
    message: 'Timed out after sending',
    actions: ['mark_published', 'retry'],
  }),
];

describe('AttentionPageComponent', () => {
  async function render(role: Role, url = '/o/o1/publishing', items: AttentionItem[] = ITEMS, operator = false) {
    const composer = { open: jest.fn().mockResolvedValue(null) };
    const catalogApi = { load: jest.fn().mockResolvedValue(CATALOG) };
    const bed = await setUpPublishingTestBed({
      role,
      operator,
      routes: [{ path: 'o/:organizationId/publishing', component: AttentionPageComponent }],
      providers: [
        { provide: COMPOSER, useValue: composer },
        { provide: PlanningCatalogApi, useValue: catalogApi },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
    answerOrganization(bed.http);
    bed.http.expectOne(`${BASE}/publishing/attention`).flush(items);
    await settle(harness.fixture);
    const fixture = harness.fixture;
    const expectReload = async (next: AttentionItem[] = items) => {
      bed.http.expectOne(`${BASE}/publishing/attention`).flush(next);
      await settle(fixture);
    };
    return { harness, fixture, composer, catalogApi, expectReload, ...bed, ...queries(fixture), page: queries(fixture, document.body) };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  it('groups the targets by reason, explains each reason and shows what happened', async () => {
    const { findAll, text, find } = await render('editor');
    const groups = [...document.querySelectorAll('section[data-testid^="attention-group-"]')].map((group) =>
      group.getAttribute('data-testid'),
    );
    expect(groups).toEqual(['attention-group-failed', 'attention-group-unconfirmed', 'attention-group-held']);
    expect(text(find('attention-group-unconfirmed')?.querySelector('h2'))).toBe('Unconfirmed (1)');
    expect(text(find('attention-group-unconfirmed')?.querySelector('[data-testid="attention-explanation"]'))).toBe(
      "We don't know whether the platform received it. Where Kadens can ask the platform, choose “Check again”; otherwise check the channel, then mark as published or retry.",
    );
    const failed = findAll('attention-item')[0];
    expect(failed?.getAttribute('data-target-id')).toBe('t1');
    expect(text(failed?.querySelector('[data-testid="attention-open-post"]'))).toBe('Summer opening hours');
    expect(text(failed?.querySelector('[data-testid="attention-channel"]'))).toBe('f Fjordvik on Facebook');
    // 10:00 UTC is 12:00 in Oslo in summer.
    expect(text(failed?.querySelector('[data-testid="attention-planned"]'))).toMatch(/^Planned Tue, 4 June 2030\D+12:00$/);
    expect(text(failed?.querySelector('[data-testid="attention-attempts"]'))).toBe('3 attempts');
    expect(text(failed?.querySelector('[data-testid="attention-message"]'))).toBe('The image is too large (max 4 MB).');
    expect(text(failed?.querySelector('[data-testid="target-state"]'))).toBe('!Failed');
    expect([...(failed?.querySelectorAll('button[data-testid^="action-"]') ?? [])].map((button) => text(button))).toEqual([
      'Retry',
      'Reschedule',
    ]);
    expect(text(find('attention-filter-all'))).toBe('All (3)');
    expect(text(find('attention-filter-expired'))).toBe('Expired (0)');
  });

  it('is the held list when filtered by held, and changes filter through the URL', async () => {
    const { findAll, find, harness, fixture } = await render('editor', '/o/o1/publishing?reason=held');
    expect(findAll('attention-item').map((item) => item.getAttribute('data-target-id'))).toEqual(['t-held']);
    find('attention-filter-failed')?.querySelector('button')?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/o/o1/publishing?reason=failed');
    await harness.navigateByUrl('/o/o1/publishing?reason=expired');
    await settle(fixture);
    expect(find('attention-empty')?.textContent).toContain('Nothing is in “Expired” right now.');
  });

  it('retries a failed target, says so, and loads the list again', async () => {
    const { click, http, notifier, expectReload, findAll, fixture } = await render('editor');
    await click('action-retry');
    http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t1/retry` }).flush({});
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith(
      'publishing.actions.done.retry',
      expect.objectContaining({ title: 'Summer opening hours' }),
    );
    await expectReload(ITEMS.filter((item) => item.targetId !== 't1'));
    expect(findAll('attention-item').map((item) => item.getAttribute('data-target-id'))).toEqual(['t-unc', 't-held']);
  });

  it('asks before retrying an unconfirmed target, which might publish it twice', async () => {
    const { findAll, http, confirmation, fixture } = await render('approver');
    confirmation.ask.mockResolvedValueOnce(false);
    findAll('attention-item')[1]?.querySelector<HTMLElement>('[data-testid="action-retry"]')?.click();
    await settle(fixture);
    expect(confirmation.ask).toHaveBeenCalledWith(expect.objectContaining({ titleKey: 'publishing.actions.retryUnconfirmedTitle' }));
    http.expectNone({ method: 'POST' });
  });

  describe('check again (an unconfirmed target on a platform that can be asked)', () => {
    const checkable = ITEMS.map((item) =>
      item.targetId === 't-unc' ? { ...item, actions: ['check_again', 'mark_published', 'retry'] as AttentionItem['actions'] } : item,
    );
    const delivery = (state: string) => ({
      targetId: 't-unc',
      postId: 'p',
      channelId: 'c',
      state,
      attempts: 1,
      externalUrl: null,
      publishedAt: null,
      lastError: null,
      notBefore: null,
    });

    it('says the platform does not have the post, changes nothing, and then retries without asking', async () => {
      const { findAll, http, text, confirmation, fixture } = await render('editor', '/o/o1/publishing', checkable);
      const item = () => findAll('attention-item')[1];
      expect([...(item()?.querySelectorAll('button[data-testid^="action-"]') ?? [])].map((button) => text(button))).toEqual([
        'Check again',
        'Mark as published',
        'Retry',
      ]);
      item()?.querySelector<HTMLElement>('[data-testid="action-check_again"]')?.click();
      await settle(fixture);
      http
        .expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-unc/check-again` })
        .flush({ result: 'not_found', reason: null, delivery: delivery('unconfirmed') });
      await settle(fixture);
      expect(text(item()?.querySelector('[data-testid="action-outcome"]'))).toBe(
        'Fjordvik on X does not have Library closed. Retrying is safe: choose Retry.',
      );
      http.expectNone(`${BASE}/publishing/attention`);
      item()?.querySelector<HTMLElement>('[data-testid="action-retry"]')?.click();
      await settle(fixture);
      expect(confirmation.ask).not.toHaveBeenCalled();
      http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-unc/retry` }).flush({});
    });

    it('publishes the target when the platform has it, and loads the list again', async () => {
      const { findAll, http, notifier, expectReload, fixture } = await render('editor', '/o/o1/publishing', checkable);
      findAll('attention-item')[1]?.querySelector<HTMLElement>('[data-testid="action-check_again"]')?.click();
      await settle(fixture);
      http
        .expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-unc/check-again` })
        .flush({ result: 'found', reason: null, delivery: delivery('published') });
      await settle(fixture);
      expect(notifier.announce).toHaveBeenCalledWith(
        'publishing.actions.done.check_again',
        expect.objectContaining({ title: 'Library closed' }),
      );
      await expectReload(checkable.filter((item) => item.targetId !== 't-unc'));
    });

    it('says why the platform could not tell', async () => {
      const { findAll, http, text, fixture } = await render('editor', '/o/o1/publishing', checkable);
      findAll('attention-item')[1]?.querySelector<HTMLElement>('[data-testid="action-check_again"]')?.click();
      await settle(fixture);
      http
        .expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-unc/check-again` })
        .flush({ result: 'unknown', reason: 'Try later (HTTP 503)', delivery: delivery('unconfirmed') });
      await settle(fixture);
      expect(text(findAll('attention-item')[1]?.querySelector('[data-testid="action-outcome"]'))).toBe(
        'Fjordvik on X could not tell whether it has Library closed: Try later (HTTP 503)',
      );
    });
  });

  it('shows the server’s reason when an action is refused, with a way to see how the target stands now', async () => {
    const { click, http, find, text, expectReload, fixture } = await render('editor');
    await click('action-retry');
    apiError(http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t1/retry` }), 409, {
      message: 'The target is already published.',
    });
    await settle(fixture);
    const outcome = find('action-outcome');
    expect(text(outcome)).toContain('This is not possible for the post as it stands now');
    expect(text(outcome)).toContain('The server said: “The target is already published.”');
    await click('problem-reload');
    await expectReload();
  });

  it('explains a refusal the server names, e.g. publishing paused, in the reader’s words', async () => {
    const { findAll, http, text, fixture } = await render('editor');
    findAll('attention-item')[2]?.querySelector<HTMLElement>('[data-testid="action-publish_now"]')?.click();
    await settle(fixture);
    apiError(http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-held/publish-now` }), 409, {
      code: 'publishing_paused',
      message: 'Publishing is paused for the organisation or this channel',
    });
    await settle(fixture);
    const outcome = findAll('attention-item')[2]?.querySelector('[data-testid="action-outcome"]');
    expect(text(outcome)).toBe(
      'Publishing is paused for the organisation or this channel, or the channel is not in use. Resume it first, or give the post a new time.',
    );
    expect(outcome?.querySelector('[data-testid="problem-reload"]')).toBeNull();
  });

  it('confirms publishing a held target now', async () => {
    const { findAll, http, confirmation, fixture } = await render('admin');
    findAll('attention-item')[2]?.querySelector<HTMLElement>('[data-testid="action-publish_now"]')?.click();
    await settle(fixture);
    expect(confirmation.ask).toHaveBeenCalledWith(expect.objectContaining({ titleKey: 'publishing.actions.publishNowTitle' }));
    http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-held/publish-now` }).flush({});
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/attention`).flush([]);
  });

  it('reschedules to a time picked in the organisation’s zone, refusing one in the past', async () => {
    const { click, page, http, fixture, notifier, expectReload } = await render('editor');
    await click('action-reschedule');
    expect(page.text(page.find('reschedule-dialog'))).toContain("In the organisation's time zone (Europe/Oslo).");
    await page.fill('reschedule-at', '2020-01-01T09:00');
    await page.click('reschedule-confirm');
    expect(page.text(page.find('reschedule-at-error'))).toBe('Choose a time in the future.');
    http.expectNone({ method: 'POST' });

    await page.fill('reschedule-at', '2099-06-04T09:30');
    await page.click('reschedule-confirm');
    const request = http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t1/reschedule` });
    // 09:30 in Oslo in summer is 07:30 UTC.
    expect(request.request.body).toEqual({ at: '2099-06-04T07:30:00.000Z' });
    request.flush({});
    await settle(fixture);
    expect(page.find('reschedule-dialog')).toBeNull();
    expect(notifier.announce).toHaveBeenCalledWith(
      'publishing.actions.done.reschedule',
      expect.objectContaining({ time: expect.stringMatching(/4 June 2099\D+09:30$/) }),
    );
    await expectReload();
  });

  it('marks an unconfirmed target as published with the link the person found', async () => {
    const { findAll, page, http, fixture, expectReload } = await render('editor');
    findAll('attention-item')[1]?.querySelector<HTMLElement>('[data-testid="action-mark_published"]')?.click();
    await settle(fixture);
    expect(page.text(page.find('mark-published-dialog'))).toContain('Say that Library closed is on Fjordvik on X');
    await page.fill('mark-published-url', 'x.com/fjordvik/1');
    await page.click('mark-published-confirm');
    expect(page.text(page.find('mark-published-dialog'))).toContain('Enter a full address starting with https://');
    http.expectNone({ method: 'POST' });
    await page.fill('mark-published-url', 'https://x.com/fjordvik/status/1');
    await page.click('mark-published-confirm');
    const request = http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t-unc/mark-published` });
    expect(request.request.body).toEqual({ url: 'https://x.com/fjordvik/status/1' });
    request.flush({});
    await settle(fixture);
    await expectReload();
  });

  it('offers a viewer no actions, admins the pause, and only operators the queue dashboard', async () => {
    const viewer = await render('viewer');
    expect(viewer.find('action-retry')).toBeNull();
    expect(viewer.find('queue-dashboard-link')).toBeNull();
    expect(viewer.find('attention-pause')).toBeNull();
    TestBed.resetTestingModule();
    const admin = await render('admin');
    expect(admin.find('queue-dashboard-link')).toBeNull();
    expect(admin.find('attention-pause')).not.toBeNull();
    TestBed.resetTestingModule();
    const operator = await render('admin', '/o/o1/publishing', ITEMS, true);
    const link = operator.find('queue-dashboard-link');
    expect(link?.getAttribute('href')).toBe('/admin/queues');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it('opens the post in the composer, as the calendar does', async () => {
    const { click, composer, catalogApi, fixture, expectReload } = await render('editor');
    composer.open.mockResolvedValueOnce({ kind: 'saved', post: {} });
    await click('attention-open-post');
    await settle(fixture);
    expect(catalogApi.load).toHaveBeenCalledWith('o1');
    expect(composer.open).toHaveBeenCalledWith({ catalog: CATALOG, postId: 'p1' }, expect.anything());
    await expectReload();
  });

  it('loads the list again when a target changes anywhere', async () => {
    const { http, sources, fixture, expectReload } = await render('editor');
    TestBed.inject(PublishingStream).follow('o1');
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    sources[0]?.send({ type: 'target', delivery: { targetId: 't1', postId: 'p1', channelId: 'c-fb', state: 'queued' } });
    sources[0]?.send({ type: 'target', delivery: { targetId: 't2', postId: 'p2', channelId: 'c-fb', state: 'published' } });
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    await expectReload([]);
  });
});
