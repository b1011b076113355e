import { TestBed } from '@angular/core/testing';
import type { Locale, Role } from '@kadens/shared/contracts';

import { PAUSE, status } from '../testing/publishing-fixtures.testing';
import {
  answerOrganization,
  BASE,
  BlankPageComponent,
  queries,
  settle,
  setUpPublishingTestBed,
} from '../testing/publishing-test-bed.testing';
import { CrisisBannerComponent } from './crisis-banner.component';

describe('CrisisBannerComponent', () => {
  async function render(role: Role, answer = status(), locale: Locale = 'en') {
    const bed = await setUpPublishingTestBed({
      role,
      locale,
      routes: [{ path: 'o/:organizationId/publishing', component: BlankPageComponent }],
    });
    const fixture = TestBed.createComponent(CrisisBannerComponent);
    await settle(fixture);
    answerOrganization(bed.http);
    bed.http.expectOne(`${BASE}/publishing/status`).flush(answer);
    await settle(fixture);
    return { fixture, ...bed, ...queries(fixture) };
  }

  it('says who paused all publishing, when (in the organisation’s zone) and why, and links to the held posts', async () => {
    const { find, text, sources } = await render('editor', status({ organization: PAUSE, heldCount: 3 }));
    expect(sources.map((source) => source.url)).toEqual([`${BASE}/publishing/events`]);
    // 08:00 UTC is 10:00 in Oslo in summer. (ICU versions differ in the joining words.)
    expect(text(find('banner-organization-pause'))).toMatch(
      /^Publishing is paused since Tue, 4 June 2030\D+10:00 by Ada Admin: Storm warning: only crisis messages$/,
    );
    expect(text(find('banner-held'))).toContain('3 posts are held and will not go out');
    expect(find('banner-held-link')?.getAttribute('href')).toBe('/o/o1/publishing?reason=held');
    expect(find('banner-resume')).toBeNull();
    expect(find('publishing-banner')?.getAttribute('aria-live')).toBe('polite');
  });

  it('names a paused channel and the channels that need reconnecting, in Norwegian', async () => {
    const { findAll, find, text } = await render(
      'viewer',
      status({
        channels: [
          {
            channelId: 'c-x',
            channelName: 'Fjordvik på X',
            platform: 'x',
            pause: { ...PAUSE, pausedBy: null, reason: 'Kontoen er hacket' },
          },
        ],
        reconnectNeeded: [
          { channelId: 'c-fb', channelName: 'Fjordvik på Facebook', platform: 'facebook' },
          { channelId: 'c-li', channelName: 'Fjordvik på LinkedIn', platform: 'linkedin' },
        ],
      }),
      'nb',
    );
    const [pause] = findAll('banner-channel-pause');
    expect(text(pause)).toMatch(/^Publisering til Fjordvik på X er satt på pause siden .+: Kontoen er hacket$/);
    expect(text(find('banner-reconnect'))).toContain('Må kobles til på nytt: Fjordvik på Facebook, Fjordvik på LinkedIn.');
    expect(find('banner-reconnect-link')?.getAttribute('href')).toBe('/o/o1/publishing?reason=reconnect_needed');
    expect(find('banner-held')).toBeNull();
  });

  it('shows nothing when all is well', async () => {
    const { find } = await render('admin');
    expect(find('publishing-banner')?.textContent?.trim()).toBe('');
  });

  it('lets an admin resume after confirming, and reads the status again', async () => {
    const { click, http, confirmation, notifier, fixture, find } = await render('admin', status({ organization: PAUSE }));
    await click('banner-resume');
    expect(confirmation.ask).toHaveBeenCalledWith(expect.objectContaining({ titleKey: 'publishing.pause.resumeTitle' }));
    http.expectOne({ method: 'DELETE', url: `${BASE}/publishing/pause` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('publishing.pause.resumed');
    expect(find('banner-organization-pause')).toBeNull();
  });

  it('resumes one channel only when the admin confirms', async () => {
    const pausedChannel = { channelId: 'c-x', channelName: 'Fjordvik on X', platform: 'x' as const, pause: PAUSE };
    const { click, http, confirmation } = await render('admin', status({ channels: [pausedChannel] }));
    confirmation.ask.mockResolvedValueOnce(false);
    await click('banner-resume');
    http.expectNone({ method: 'DELETE' });
    await click('banner-resume');
    expect(confirmation.ask).toHaveBeenLastCalledWith(expect.objectContaining({ params: { channel: 'Fjordvik on X' } }));
    http.expectOne({ method: 'DELETE', url: `${BASE}/channels/c-x/publishing-pause` }).flush(null);
  });

  it('shows a pause the moment the stream reports it', async () => {
    const { sources, find, fixture, http } = await render('editor');
    sources[0]?.open();
    http.expectOne(`${BASE}/publishing/status`).flush(status());
    sources[0]?.send({ type: 'pause', status: { organization: PAUSE, channels: [] } });
    await settle(fixture);
    expect(find('banner-organization-pause')).not.toBeNull();
    http.expectOne(`${BASE}/publishing/status`).flush(status({ organization: PAUSE, heldCount: 1 }));
    await settle(fixture);
    expect(find('banner-held')?.textContent).toContain('1 post is held');
  });

  it('closes the stream when the shell goes away', async () => {
    const { fixture, sources } = await render('editor');
    fixture.destroy();
    expect(sources[0]?.closed).toBe(true);
  });
});
