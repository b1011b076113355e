import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatListModule } from '@angular/material/list';
import type { ChannelView, Role } from '@kadens/shared/contracts';
import { PublishingStream } from '@kadens/web/data-access';

import { PAUSE, status } from '../testing/publishing-fixtures.testing';
import { apiError, BASE, BlankPageComponent, queries, settle, setUpPublishingTestBed } from '../testing/publishing-test-bed.testing';
import { PublishingNavComponent } from './publishing-nav.component';

@Component({
  imports: [MatListModule, PublishingNavComponent],
  template: `<mat-nav-list><kd-publishing-nav /></mat-nav-list>`,
})
class NavHostComponent {}

function channel(id: string, name: string, overrides: Partial<ChannelView> = {}): ChannelView {
  return {
    id,
    platform: 'facebook',
    name,
    handle: '',
    responsibleUserId: null,
    publicDescription: '',
    status: 'active',
    createdAt: '',
    ...overrides,
  };
}

describe('PublishingNavComponent and the pause dialog', () => {
  async function render(role: Role, answer = status()) {
    const bed = await setUpPublishingTestBed({ role, routes: [{ path: 'o/:organizationId/publishing', component: BlankPageComponent }] });
    const stream = TestBed.inject(PublishingStream);
    stream.follow('o1');
    bed.http.expectOne(`${BASE}/publishing/status`).flush(answer);
    const fixture = TestBed.createComponent(NavHostComponent);
    await settle(fixture);
    return { fixture, stream, ...bed, ...queries(fixture), page: queries(fixture, document.body) };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  it('links to the needs-attention list with how many targets are in it', async () => {
    const { find, text } = await render('viewer', status({ attentionCount: 120 }));
    const link = find('nav-publishing');
    expect(link?.getAttribute('href')).toBe('/o/o1/publishing');
    expect(text(find('nav-publishing-count'))).toBe('99+');
    expect(link?.getAttribute('aria-label')).toBe('Publishing, 99+ need attention');
    expect(find('nav-pause-publishing')).toBeNull();
  });

  it('shows no count when nothing needs attention, and no pause button once everything is paused', async () => {
    const { find } = await render('admin', status({ organization: PAUSE }));
    expect(find('nav-publishing-count')).toBeNull();
    expect(find('nav-publishing')?.getAttribute('aria-label')).toBeNull();
    expect(find('nav-pause-publishing')).toBeNull();
  });

  it('lets an admin pause all publishing, but only with a reason', async () => {
    const { click, page, http, fixture, notifier } = await render('admin');
    await click('nav-pause-publishing');
    http
      .expectOne(`${BASE}/channels`)
      .flush([channel('c-fb', 'Fjordvik on Facebook'), channel('c-old', 'Old channel', { status: 'paused' })]);
    await settle(fixture);
    await page.fill('pause-reason', '   ');
    await page.click('pause-confirm');
    expect(page.text(page.find('pause-reason-error'))).toBe('Write why publishing is paused, so that everyone knows.');
    http.expectNone({ method: 'PUT' });

    await page.fill('pause-reason', ' Storm warning ');
    await page.click('pause-confirm');
    const request = http.expectOne({ method: 'PUT', url: `${BASE}/publishing/pause` });
    expect(request.request.body).toEqual({ reason: 'Storm warning' });
    request.flush(null);
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/status`).flush(status({ organization: PAUSE }));
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('publishing.pause.paused');
    expect(page.find('pause-dialog')).toBeNull();
  });

  it('pauses one channel, offering only channels in use and not yet paused', async () => {
    const paused = { channelId: 'c-x', channelName: 'Fjordvik on X', platform: 'x' as const, pause: PAUSE };
    const { click, page, http, fixture, notifier } = await render('admin', status({ channels: [paused] }));
    await click('nav-pause-publishing');
    http
      .expectOne(`${BASE}/channels`)
      .flush([
        channel('c-fb', 'Fjordvik on Facebook'),
        channel('c-x', 'Fjordvik on X'),
        channel('c-old', 'Old channel', { status: 'paused' }),
      ]);
    await settle(fixture);
    document.querySelector<HTMLElement>('[data-testid="pause-scope"] .mat-mdc-select-trigger')?.click();
    await settle(fixture);
    expect(page.find('pause-scope-c-old')).toBeNull();
    expect(page.find('pause-scope-c-x')?.getAttribute('aria-disabled')).toBe('true');
    expect(page.text(page.find('pause-scope-c-x'))).toBe('Fjordvik on X (already paused)');
    await page.click('pause-scope-c-fb');
    await page.fill('pause-reason', 'The account was hacked');
    await page.click('pause-confirm');
    const request = http.expectOne({ method: 'PUT', url: `${BASE}/channels/c-fb/publishing-pause` });
    expect(request.request.body).toEqual({ reason: 'The account was hacked' });
    request.flush(null);
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('publishing.pause.pausedChannel', { channel: 'Fjordvik on Facebook' });
  });

  it('shows the server’s refusal of the reason beside the field, and anything else below it', async () => {
    const { click, page, http, fixture } = await render('admin');
    await click('nav-pause-publishing');
    http.expectOne(`${BASE}/channels`).flush([]);
    await page.fill('pause-reason', 'x');
    await page.click('pause-confirm');
    apiError(http.expectOne({ method: 'PUT' }), 400, { errors: [{ field: 'reason', messages: ['reason must be at least 3 characters'] }] });
    await settle(fixture);
    expect(page.text(page.find('pause-reason-error'))).toBe('reason must be at least 3 characters');
    expect(page.find('pause-problem')).toBeNull();

    await page.fill('pause-reason', 'Storm');
    await page.click('pause-confirm');
    apiError(http.expectOne({ method: 'PUT' }), 409, { message: 'Publishing is already paused.' });
    await settle(fixture);
    expect(page.text(page.find('pause-problem'))).toContain('The server said: “Publishing is already paused.”');
    expect(page.find('pause-dialog')).not.toBeNull();
  });
});
