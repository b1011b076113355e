import { POST, renderComposer as render } from '../composer-dialog/composer-dialog.testing';
import { medium } from './media.testing';

const WITH_MEDIA = {
  ...POST,
  mediaIds: ['m1', 'm2'],
  media: [medium({ id: 'm1', fileName: 'IMG_2041.jpg' }), medium({ id: 'm2', fileName: 'snow.jpg', altText: 'Barn som leker i snøen' })],
};

async function renderPostWithMedia() {
  const rendered = await render({ postId: 'p1' });
  rendered.http.expectOne('/api/organizations/o1/posts/p1').flush(WITH_MEDIA);
  await rendered.settle();
  return rendered;
}

describe('the composer’s media section', () => {
  it('shows each medium with its thumbnail, alt-text field and the chosen channels’ media rules', async () => {
    const { element, byTestId } = await renderPostWithMedia();
    const media = [...element.querySelectorAll<HTMLElement>('[data-testid="composer-medium"]')];
    expect(media.map((item) => item.querySelector('.medium__name')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 of 2: IMG_2041.jpg',
      '2 of 2: snow.jpg',
    ]);
    expect(media[0]?.querySelector('img')?.getAttribute('src')).toBe('/api/organizations/o1/media/m1/content?variant=thumbnail');
    expect(media[1]?.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('Barn som leker i snøen');
    expect(byTestId('composer-media-rules-c-x').textContent?.trim()).toBe('Media: 2 of at most 4 images or 1 video');
    expect(media[0]?.querySelector<HTMLButtonElement>('[data-testid="composer-medium-up"]')?.disabled).toBe(true);
    expect(media[0]?.querySelector('[data-testid="composer-medium-remove"]')?.getAttribute('aria-label')).toBe('Remove: IMG_2041.jpg');
  });

  it('refuses "submit for approval" naming the image without alt text, then saves the alt text first', async () => {
    const { element, click, http, settle, type } = await renderPostWithMedia();
    await click('composer-submit');
    const missing = element.querySelector('[data-testid="composer-medium-alt-missing"]');
    expect(missing?.textContent?.trim()).toBe('The image “IMG_2041.jpg” needs a text alternative before the post can be submitted.');
    expect((document.activeElement as HTMLElement | null)?.dataset['mediumKey']).toBe('m1');
    http.expectNone('/api/organizations/o1/posts/p1/submit');
    http.expectNone({ method: 'PATCH' });

    const [firstAlt] = element.querySelectorAll<HTMLTextAreaElement>('[data-testid="composer-medium-alt"]');
    firstAlt?.setAttribute('data-testid', 'first-alt');
    await type('first-alt', 'IMG_2041');
    expect(element.querySelector('[data-testid="composer-medium-alt-filename"]')?.textContent).toContain('only repeats the file name');
    await type('first-alt', 'Tre barn bygger snømann');

    await click('composer-submit');
    const altText = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/media/m1' });
    expect(altText.request.body).toEqual({ altText: 'Tre barn bygger snømann' });
    altText.flush(medium({ id: 'm1', altText: 'Tre barn bygger snømann' }));
    await settle();
    const save = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' });
    expect(save.request.body.mediaIds).toEqual(['m1', 'm2']);
  });

  it('shows the API’s refusal of the media like other rule violations, naming the rule and channel', async () => {
    const { element, click, http, settle, byTestId } = await renderPostWithMedia();
    const [, second] = element.querySelectorAll<HTMLElement>('[data-testid="composer-medium"]');
    second?.querySelector<HTMLButtonElement>('[data-testid="composer-medium-up"]')?.click();
    await settle();
    await click('composer-save');
    const save = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' });
    expect(save.request.body.mediaIds).toEqual(['m2', 'm1']);
    save.flush(
      {
        code: 'media_rules',
        errors: [{ field: 'mediaIds.1', rule: 'media.too_large', channelId: 'c-x', messages: ['media.too_large on Fjordvik på X (x)'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    const problems = byTestId('composer-media-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    expect(problems.querySelector('[data-rule="media.too_large"]')?.textContent).toContain('Fjordvik på X: “IMG_2041.jpg” is too large.');
  });

  it('uploads chosen files with a progress bar each; a refused one says why and offers to try again', async () => {
    const { element, byTestId, http, settle } = await render({});
    const input = byTestId<HTMLInputElement>('composer-media-input');
    const files = [new File([new Uint8Array(10)], 'notes.pdf', { type: 'application/pdf' })];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(byTestId('composer-medium-progress').getAttribute('aria-label')).toBe('Uploading notes.pdf');
    expect(byTestId('composer-media-wait').textContent?.trim()).toBe('The post can be saved when the uploads are done.');
    http.expectOne({ method: 'POST', url: '/api/organizations/o1/media' }).flush(
      {
        code: 'unsupported_media_type',
        errors: [{ field: 'file', messages: ['not a JPEG, PNG, WebP, GIF, MP4 or MOV'] }],
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await settle();
    expect(byTestId('composer-medium-failed').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'This type of file cannot be used: only JPEG, PNG, WebP, GIF, MP4 and MOV. (not a JPEG, PNG, WebP, GIF, MP4 or MOV)',
    );
    expect(byTestId('composer-media-announcement').textContent?.trim()).toBe('notes.pdf could not be uploaded.');
    byTestId<HTMLButtonElement>('composer-medium-retry').click();
    await settle();
    expect(http.match({ method: 'POST', url: '/api/organizations/o1/media' })).toHaveLength(1);
    expect(element.querySelector('[data-testid="composer-medium"]')?.getAttribute('data-state')).toBe('uploading');
  });
});
