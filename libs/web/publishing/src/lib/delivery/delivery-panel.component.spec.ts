import { TestBed } from '@angular/core/testing';
import type { ChannelView, PostView, PublishAttemptView, Role, TargetDelivery } from '@kadens/shared/contracts';
import { type PlanningCatalog, PublishingStream } from '@kadens/web/data-access';

import { attentionItem, delivery, status } from '../testing/publishing-fixtures.testing';
import { apiError, BASE, queries, settle, setUpPublishingTestBed } from '../testing/publishing-test-bed.testing';
import { DeliveryPanelComponent } from './delivery-panel.component';

function channel(id: string, platform: ChannelView['platform'], name: string): ChannelView {
  return { id, platform, name, handle: '', responsibleUserId: null, publicDescription: '', status: 'active', createdAt: '' };
}

const CATALOG = {
  organizationId: 'o1',
  timeZone: 'Europe/Oslo',
  channels: [channel('c-fb', 'facebook', 'Fjordvik on Facebook'), channel('c-x', 'x', 'Fjordvik on X')],
} as PlanningCatalog;

const POST = { id: 'p1', title: 'Summer opening hours', plannedAt: '2030-06-04T10:00:00.000Z' } as PostView;

const DELIVERIES: TargetDelivery[] = [
  delivery({
    state: 'published',
    attempts: 1,
    publishedAt: '2030-06-04T10:00:05.000Z',
    externalUrl: 'https://facebook.com/fjordvik/posts/1',
  }),
  delivery({
    targetId: 't2',
    channelId: 'c-x',
    state: 'failed',
    attempts: 2,
    lastError: { kind: 'rate_limited', message: 'Too many requests' },
    notBefore: '2030-06-04T10:15:00.000Z',
  }),
];

function attempt(overrides: Partial<PublishAttemptView>): PublishAttemptView {
  return {
    id: 'a1',
    targetId: 't2',
    revision: 1,
    number: 1,
    startedAt: '2030-06-04T10:00:00.000Z',
    finishedAt: '2030-06-04T10:00:01.000Z',
    outcome: 'rate_limited',
    status: 429,
    code: null,
    message: 'Too many requests',
    externalUrl: null,
    retryAt: '2030-06-04T10:05:00.000Z',
    actor: null,
    ...overrides,
  };
}

describe('DeliveryPanelComponent', () => {
  async function render(role: Role, deliveries = DELIVERIES) {
    const bed = await setUpPublishingTestBed({ role });
    const fixture = TestBed.createComponent(DeliveryPanelComponent);
    fixture.componentRef.setInput('post', POST);
    fixture.componentRef.setInput('catalog', CATALOG);
    await settle(fixture);
    const answer = async (
      next = deliveries,
      attention = [attentionItem({ targetId: 't2', channelId: 'c-x', actions: ['retry', 'reschedule'] })],
    ) => {
      bed.http.expectOne(`${BASE}/posts/p1/deliveries`).flush(next);
      bed.http.expectOne(`${BASE}/publishing/attention`).flush([...attention, attentionItem({ postId: 'p-other', targetId: 't9' })]);
      await settle(fixture);
    };
    await answer();
    const rows = () => queries(fixture).findAll('delivery-target');
    return { fixture, answer, rows, ...bed, ...queries(fixture) };
  }

  it('shows each channel’s delivery: state, when and where it was published, the last error and the next try', async () => {
    const { rows, text } = await render('editor');
    const [published, failed] = rows();
    expect(text(published?.querySelector('.target__channel'))).toBe('Fjordvik on Facebook');
    expect(text(published?.querySelector('[data-testid="target-state"]'))).toBe('✓✓Published');
    expect(text(published?.querySelector('[data-testid="delivery-published-at"]'))).toMatch(/^Published Tue, 4 June 2030\D+12:00$/);
    const link = published?.querySelector('[data-testid="delivery-link"]');
    expect(text(link)).toBe('See it on Facebook');
    expect(link?.getAttribute('href')).toBe('https://facebook.com/fjordvik/posts/1');
    expect(published?.querySelector('button[data-testid^="action-"]')).toBeNull();

    expect(text(failed?.querySelector('[data-testid="delivery-error"]'))).toBe(
      'Last error (Too many posts at once (rate limited)): Too many requests',
    );
    expect(text(failed?.querySelector('[data-testid="delivery-next-try"]'))).toMatch(/^Next try .+12:15$/);
    expect([...(failed?.querySelectorAll('button[data-testid^="action-"]') ?? [])].map((button) => text(button))).toEqual([
      'Retry',
      'Reschedule',
    ]);
  });

  it('opens a target’s attempts on demand, newest first', async () => {
    const { rows, http, fixture, text } = await render('viewer');
    const toggle = rows()[1]?.querySelector<HTMLElement>('[data-testid="delivery-attempts-toggle"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(text(toggle)).toBe('2 attempts ▾');
    toggle?.click();
    await settle(fixture);
    http
      .expectOne(`${BASE}/publishing/targets/t2/attempts`)
      .flush([
        attempt({}),
        attempt({ id: 'a2', number: 2, startedAt: '2030-06-04T10:05:00.000Z', status: null, outcome: null, message: null, retryAt: null }),
      ]);
    await settle(fixture);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const attempts = [...(rows()[1]?.querySelectorAll('[data-testid="attempt"]') ?? [])];
    expect(attempts.map((item) => item.getAttribute('data-outcome'))).toEqual(['running', 'rate_limited']);
    expect(text(attempts[1])).toContain('Attempt 1');
    expect(text(attempts[1])).toContain('HTTP 429');
    expect(text(attempts[1])).toContain('Too many requests');
    expect(rows()[1]?.querySelector('button[data-testid^="action-"]')).toBeNull();
    toggle?.click();
    await settle(fixture);
    expect(rows()[1]?.querySelector('[data-testid="attempt-history"]')).toBeNull();
  });

  it('offers a published target’s results, and only a published one’s', async () => {
    const { rows, http, fixture } = await render('viewer');
    expect(rows()[1]?.querySelector('[data-testid="delivery-results-toggle"]')).toBeNull();
    const toggle = rows()[0]?.querySelector<HTMLElement>('[data-testid="delivery-results-toggle"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/targets/t1/results`).flush({
      targetId: 't1',
      postId: 'p1',
      channelId: 'c-fb',
      platform: 'facebook',
      publishedAt: '2030-06-04T10:00:05.000Z',
      collected: true,
      latest: { reactions: 12 },
      manual: null,
      total: { reactions: 12 },
      snapshots: [],
    });
    await settle(fixture);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(rows()[0]?.querySelector('kd-target-results')?.id).toBe('results-t1');
    expect(rows()[0]?.querySelectorAll('[data-testid="target-results-metric"]')).toHaveLength(1);
  });

  it('retries from the panel and reads the delivery again', async () => {
    const { rows, http, fixture, answer, text } = await render('approver');
    rows()[1]?.querySelector<HTMLElement>('[data-testid="action-retry"]')?.click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: `${BASE}/publishing/targets/t2/retry` }).flush({});
    await settle(fixture);
    expect(text(rows()[1]?.querySelector('[data-testid="action-outcome"]'))).toBe('Summer opening hours is sent to Fjordvik on X again.');
    await answer([DELIVERIES[0] as TargetDelivery, { ...(DELIVERIES[1] as TargetDelivery), state: 'queued' }], []);
    expect(text(rows()[1]?.querySelector('[data-testid="target-state"]'))).toBe('◷Queued');
  });

  it('moves the state chip the moment the stream reports a change of this post', async () => {
    const { http, sources, fixture, rows, text, answer } = await render('editor');
    TestBed.inject(PublishingStream).follow('o1');
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    sources[0]?.send({ type: 'target', delivery: { targetId: 't2', postId: 'p1', channelId: 'c-x', state: 'publishing' } });
    sources[0]?.send({ type: 'target', delivery: { targetId: 't9', postId: 'p-other', channelId: 'c-x', state: 'failed' } });
    await settle(fixture);
    expect(text(rows()[1]?.querySelector('[data-testid="target-state"]'))).toBe('↻Publishing');
    await new Promise((resolve) => setTimeout(resolve, 350));
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    await answer();
  });

  it('says what went wrong when the delivery cannot be read, with a way to try again', async () => {
    const bed = await setUpPublishingTestBed({ role: 'editor' });
    const fixture = TestBed.createComponent(DeliveryPanelComponent);
    fixture.componentRef.setInput('post', POST);
    fixture.componentRef.setInput('catalog', CATALOG);
    await settle(fixture);
    apiError(bed.http.expectOne(`${BASE}/posts/p1/deliveries`), 503, {});
    bed.http.expectOne(`${BASE}/publishing/attention`).flush([]);
    await settle(fixture);
    const { find, text, click } = queries(fixture);
    expect(text(find('delivery-problem'))).toContain('The server ran into a problem.');
    expect(find('delivery-empty')).toBeNull();
    await click('problem-reload');
    bed.http.expectOne(`${BASE}/posts/p1/deliveries`).flush([]);
    bed.http.expectOne(`${BASE}/publishing/attention`).flush([]);
    await settle(fixture);
    expect(text(find('delivery-empty'))).toBe('The post has no channels to deliver to.');
  });
});
