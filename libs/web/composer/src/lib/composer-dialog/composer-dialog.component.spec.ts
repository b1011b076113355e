import { POST, renderComposer as render } from './composer-dialog.testing';

describe('ComposerDialogComponent', () => {
  it('counts each chosen channel live by its platform and refuses to save over X’s limit', async () => {
    const { byTestId, type, click, element, http, dialogRef } = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    expect(byTestId<HTMLInputElement>('composer-planned-date').value).toBe('12/05/2026');
    expect(byTestId<HTMLInputElement>('composer-planned-time').value).toBe('09:00');
    await type('composer-title', 'Sommerfest');
    await click('composer-channel-c-x');
    await type('composer-body', 'a'.repeat(280));
    expect(byTestId('char-count-x').textContent?.trim()).toBe('280 / 280');
    expect(byTestId('char-count-x').getAttribute('data-over-limit')).toBe('false');

    await type('composer-body', 'a'.repeat(279) + '👋');
    expect(byTestId('char-count-x').textContent?.trim()).toBe('281 / 280 – 1 too many');
    expect(byTestId('char-count-x').getAttribute('data-over-limit')).toBe('true');
    expect(element.querySelector('[data-issue="text.too_long"]')?.textContent?.trim()).toBe('Too long: 281 of at most 280.');

    await click('composer-save');
    expect(byTestId('composer-blocked').textContent).toContain('A channel’s rules stop this post');
    http.expectNone('/api/organizations/o1/posts');
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('sends a new post with its time as an instant and its targets in channel order', async () => {
    const { type, click, http, dialogRef, settle } = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    await type('composer-title', 'Sommerfest');
    await type('composer-body', 'Velkommen!');
    await click('composer-channel-c-bsky');
    await click('composer-channel-c-x');
    await click('composer-save');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts' });
    expect(request.request.body).toEqual({
      title: 'Sommerfest',
      body: 'Velkommen!',
      link: null,
      mediaUrls: [],
      mediaIds: [],
      contentTypeId: 'ct-news',
      themeId: 't1',
      audienceIds: [],
      initiativeId: null,
      plannedAt: '2026-05-12T07:00:00.000Z',
      invitesDialogue: false,
      sensitive: false,
      targets: [
        { channelId: 'c-x', textVariant: null },
        { channelId: 'c-bsky', textVariant: null },
      ],
    });
    request.flush({ ...POST, id: 'p9' });
    await settle();
    expect(dialogRef.close).toHaveBeenCalledWith({ kind: 'saved', post: { ...POST, id: 'p9' } });
  });

  it('shows the revision when editing, and puts a refused variant’s message next to that variant', async () => {
    const { byTestId, click, http, settle, element, dialogRef, problems } = await render({ postId: 'p1' });
    http.expectOne({ method: 'GET', url: '/api/organizations/o1/posts/p1' }).flush(POST);
    await settle();
    expect(byTestId('composer-revision').textContent?.trim()).toBe('Revision 3');
    expect(byTestId('composer-planned-at').getAttribute('data-wall-clock')).toBe('2026-08-17T08:00');
    expect(byTestId<HTMLTextAreaElement>('composer-variant-text-c-bsky').value).toBe('Litt lengre for Bluesky');

    await click('composer-save');
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' });
    expect(request.request.body.targets).toEqual([
      { channelId: 'c-x', textVariant: 'Kort for X' },
      { channelId: 'c-bsky', textVariant: 'Litt lengre for Bluesky' },
    ]);
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'targets.1.textVariant: …',
        code: 'platform_rules',
        errors: [{ field: 'targets.1.textVariant', messages: ['text.too_long on Fjordvik på Bluesky (bluesky)'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const errorNextTo = (testId: string) =>
      byTestId(testId).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
    expect(errorNextTo('composer-variant-text-c-bsky')).toBe('text.too_long on Fjordvik på Bluesky (bluesky)');
    expect(errorNextTo('composer-variant-text-c-x')).toBe('');
    expect(element.querySelector('[data-testid="composer"]')).not.toBeNull();
    expect(dialogRef.close).not.toHaveBeenCalled();
    expect(problems.report).not.toHaveBeenCalled();
  });
});
