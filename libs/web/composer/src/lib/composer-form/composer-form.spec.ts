import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { ChannelView, PostView } from '@kadens/shared/contracts';

import { buildComposerForm, formValueFromPost, postInputFromForm, syncVariantControls } from './composer-form';

const CHANNELS = [{ id: 'c-fb' }, { id: 'c-x' }, { id: 'c-ig' }] as ChannelView[];

describe('the composer form', () => {
  const form = () => buildComposerForm(TestBed.inject(NonNullableFormBuilder));

  it('turns its value into a post: trimmed link or null, media one per line, the time as an instant', () => {
    const composer = form();
    composer.patchValue({
      title: '  Sommerfest ',
      body: 'Velkommen',
      link: ' ',
      mediaUrls: 'https://example.org/a.jpg\n\n  https://example.org/b.jpg ',
      contentTypeId: 'ct',
      themeId: 't',
      plannedAt: '2026-06-18T10:00',
      sensitive: true,
      channelIds: ['c-ig', 'c-fb'],
      mediaIds: ['m2', 'm1'],
    });
    syncVariantControls(composer.controls.variants, ['c-ig', 'c-fb'], { 'c-ig': 'Sommerfest! 🎉' });
    expect(postInputFromForm(composer.getRawValue(), CHANNELS, 'Europe/Oslo')).toEqual({
      title: 'Sommerfest',
      body: 'Velkommen',
      link: null,
      mediaUrls: ['https://example.org/a.jpg', 'https://example.org/b.jpg'],
      mediaIds: ['m2', 'm1'],
      contentTypeId: 'ct',
      themeId: 't',
      audienceIds: [],
      initiativeId: null,
      plannedAt: '2026-06-18T08:00:00.000Z',
      invitesDialogue: false,
      sensitive: true,
      targets: [
        { channelId: 'c-fb', textVariant: null },
        { channelId: 'c-ig', textVariant: 'Sommerfest! 🎉' },
      ],
    });
  });

  it('keeps a post without a time as an idea', () => {
    const composer = form();
    composer.patchValue({ title: 'Idé', contentTypeId: 'ct', themeId: 't', channelIds: ['c-x'] });
    expect(postInputFromForm(composer.getRawValue(), CHANNELS, 'Europe/Oslo').plannedAt).toBeNull();
  });

  it('reads a post back in the organisation’s wall clock', () => {
    const post = {
      title: 'Skolestart',
      body: '',
      link: 'https://fjordvik.no',
      mediaUrls: ['https://fjordvik.no/a.jpg'],
      mediaIds: ['m1'],
      contentTypeId: 'ct',
      themeId: 't',
      audienceIds: ['a1'],
      initiativeId: 'i1',
      plannedAt: '2026-01-05T07:30:00.000Z',
      invitesDialogue: true,
      sensitive: true,
      targets: [{ channelId: 'c-x', textVariant: 'Kort' }],
    } as PostView;
    expect(formValueFromPost(post, 'Europe/Stockholm')).toMatchObject({
      link: 'https://fjordvik.no',
      mediaUrls: 'https://fjordvik.no/a.jpg',
      mediaIds: ['m1'],
      initiativeId: 'i1',
      plannedAt: '2026-01-05T08:30',
      sensitive: true,
      channelIds: ['c-x'],
      variants: { 'c-x': 'Kort' },
    });
  });

  it('checks every media address and asks for at least one channel', () => {
    const composer = form();
    composer.controls.mediaUrls.setValue('https://example.org/a.jpg\nftp://example.org/b.jpg');
    expect(composer.controls.mediaUrls.hasError('pattern')).toBe(true);
    composer.controls.mediaUrls.setValue('https://example.org/a.jpg\n');
    expect(composer.controls.mediaUrls.valid).toBe(true);
    expect(composer.controls.channelIds.errors).toEqual({ messageKey: 'planning.composer.chooseChannel' });
  });
});
