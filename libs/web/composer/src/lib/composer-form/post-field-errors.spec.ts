import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { SERVER_ERROR_KEY } from '@kadens/web/ui';

import { buildComposerForm, syncVariantControls } from './composer-form';
import { applyPostFieldErrors } from './post-field-errors';

describe('applyPostFieldErrors', () => {
  function form() {
    const composer = buildComposerForm(TestBed.inject(NonNullableFormBuilder));
    composer.controls.channelIds.setValue(['c-x', 'c-bsky']);
    syncVariantControls(composer.controls.variants, ['c-x', 'c-bsky'], { 'c-x': 'own X text', 'c-bsky': 'own Bluesky text' });
    return composer;
  }

  it('puts targets.N.textVariant on the variant of the Nth channel sent', () => {
    const composer = form();
    const unmatched = applyPostFieldErrors(
      composer,
      [{ field: 'targets.1.textVariant', messages: ['text.too_long on Bluesky (bluesky): limit=300, count=301'] }],
      ['c-x', 'c-bsky'],
    );
    expect(unmatched).toEqual([]);
    expect(composer.controls.variants.controls['c-bsky']?.errors).toEqual({
      [SERVER_ERROR_KEY]: ['text.too_long on Bluesky (bluesky): limit=300, count=301'],
    });
    expect(composer.controls.variants.controls['c-x']?.errors).toBeNull();
    expect(composer.controls.variants.controls['c-bsky']?.touched).toBe(true);
  });

  it('puts body, media and nested fields on their own controls', () => {
    const composer = form();
    const unmatched = applyPostFieldErrors(
      composer,
      [
        { field: 'body', messages: ['text.too_long on X (x)'] },
        { field: 'mediaUrls.0', messages: ['each value in mediaUrls must be a URL address'] },
        { field: 'themeId', messages: ['themeId names a row of another organisation'] },
      ],
      ['c-x', 'c-bsky'],
    );
    expect(unmatched).toEqual([]);
    expect(composer.controls.body.errors).toEqual({ [SERVER_ERROR_KEY]: ['text.too_long on X (x)'] });
    expect(composer.controls.mediaUrls.errors).toEqual({ [SERVER_ERROR_KEY]: ['each value in mediaUrls must be a URL address'] });
    expect(composer.controls.themeId.hasError(SERVER_ERROR_KEY)).toBe(true);
  });

  it('puts other target errors on the channel picker, and hands back what matches nothing', () => {
    const composer = form();
    const unmatched = applyPostFieldErrors(
      composer,
      [
        { field: 'targets.0.channelId', messages: ['unknown channel'] },
        { field: 'targets.7.textVariant', messages: ['no such target'] },
        { field: 'somethingElse', messages: ['property somethingElse should not exist'] },
      ],
      ['c-x', 'c-bsky'],
    );
    expect(composer.controls.channelIds.errors).toEqual({ [SERVER_ERROR_KEY]: ['unknown channel', 'no such target'] });
    expect(unmatched).toEqual([{ field: 'somethingElse', messages: ['property somethingElse should not exist'] }]);
  });
});
