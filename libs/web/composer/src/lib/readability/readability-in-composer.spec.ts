import { POST, renderComposer } from '../composer-dialog/composer-dialog.testing';
import { READABILITY_PAUSE_MS } from './readability-note.component';

describe('readability in the composer', () => {
  it('shows the LIX under the post’s text and under each channel’s own text', async () => {
    const { element, http, settle } = await renderComposer({ postId: 'p1' });
    http.expectOne('/api/organizations/o1/posts/p1').flush(POST);
    await settle();
    http.expectOne('/api/organizations/o1').flush({ id: 'o1', defaultLocale: 'nb', readabilityTarget: null });
    // The post's text arrived after the composer opened: it is shown once the pause has passed, as after typing.
    await new Promise((resolve) => setTimeout(resolve, READABILITY_PAUSE_MS + 50));
    await settle();
    const lix = [...element.querySelectorAll<HTMLElement>('[data-testid="readability-lix"]')].map((node) => [
      node.closest('[data-testid^="composer-variant-"]')?.getAttribute('data-testid') ?? 'body',
      node.dataset['lix'],
      node.dataset['above'],
    ]);
    // Velkommen tilbake! → 2/1 + 100·2/2 = 102 · Kort for X → 3 · Litt lengre for Bluesky → 4 + 25 = 29
    expect(lix).toEqual(
      expect.arrayContaining([
        ['body', '102', 'true'],
        ['composer-variant-c-x', '3', 'false'],
        ['composer-variant-c-bsky', '29', 'false'],
      ]),
    );
    expect(lix).toHaveLength(3);
  });
});
