import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { Role } from '@kadens/shared/contracts';

import { CHANNELS, EMPTY_STRATEGY, strategyData } from '../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../testing/strategy-test-bed.testing';
import { ChannelsSectionComponent } from './channels-section.component';

describe('ChannelsSectionComponent', () => {
  async function render(role: Role = 'editor', data = strategyData()) {
    const bed = await setUpStrategyTestBed(role);
    const rendered = await renderWithStrategy(ChannelsSectionComponent, bed.http, data);
    return { ...bed, ...rendered, loader: TestbedHarnessEnvironment.loader(rendered.fixture) };
  }

  const select = async (loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, testId: string, option: string | RegExp) => {
    const harness = await loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
    await harness.open();
    await harness.clickOptions({ text: option });
  };

  it('shows each channel with its platform, status and responsible member', async () => {
    const { findAll } = await render();
    const [facebook, instagram] = findAll('channel-item').map((item) => item.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(facebook).toContain('Sunflower on Facebook');
    expect(facebook).toContain('Facebook · @sunflower');
    expect(facebook).toContain('Responsible: Erik Editor');
    expect(instagram).toContain('Paused');
    expect(instagram).toContain('Nobody is responsible yet');
  });

  it('explains what channels are when there are none', async () => {
    const { text } = await render('editor', EMPTY_STRATEGY);
    expect(text('channels-empty')).toContain('Channels are the accounts you publish to');
  });

  it('hides every change from the approver role', async () => {
    const { find } = await render('approver');
    for (const testId of ['channel-add', 'channel-edit', 'channel-delete']) expect(find(testId)).toBeNull();
  });

  it('creates a channel on a chosen platform with a responsible member', async () => {
    const { click, fill, http, loader } = await render();
    await click('channel-add');
    await select(loader, 'channel-platform', /Mastodon/);
    fill('channel-name', 'Sunflower on Mastodon');
    fill('channel-handle', '@sunflower@mastodon.social');
    await select(loader, 'channel-responsible', 'Ada Admin');
    await click('channel-save');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/channels' });
    expect(request.request.body).toEqual({
      platform: 'mastodon',
      name: 'Sunflower on Mastodon',
      handle: '@sunflower@mastodon.social',
      responsibleUserId: 'u1',
      publicDescription: '',
      status: 'active',
    });
  });

  it('keeps the platform of an existing channel and explains a responsible person who left', async () => {
    const { click, http, errorNextTo, settle, find } = await render();
    await click('channel-edit');
    expect(find('channel-platform')?.getAttribute('aria-disabled')).toBe('true');
    await click('channel-save');
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/channels/c1' });
    expect(request.request.body).not.toHaveProperty('platform');
    apiError(request, 400, { code: 'not_a_member', errors: [{ field: 'responsibleUserId', messages: ['is not a member'] }] });
    await settle();
    expect(errorNextTo('channel-responsible')).toBe('This person is no longer a member of the organisation.');
  });

  it('offers to pause a channel in use instead of deleting it', async () => {
    const { click, http, settle, store } = await render();
    await click('channel-delete');
    apiError(http.expectOne({ method: 'DELETE', url: '/api/organizations/o1/channels/c1' }), 409, { code: 'channel_in_use' });
    await settle();
    const pause = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/channels/c1' });
    expect(pause.request.body).toEqual({ status: 'paused' });
    pause.flush({ ...CHANNELS[0], status: 'paused' });
    await settle();
    expect(store.channels().map((channel) => channel.status)).toEqual(['paused', 'paused']);
  });
});
