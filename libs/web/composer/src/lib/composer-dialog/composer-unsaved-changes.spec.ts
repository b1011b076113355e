import { renderComposer as render } from './composer-dialog.testing';

describe('the composer with unsaved changes', () => {
  it('closes at once on Escape, the backdrop or Cancel while nothing was changed', async () => {
    const composer = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    await composer.pressEscape();
    await composer.clickBackdrop();
    await composer.click('composer-cancel');
    expect(composer.unsavedChanges.askToDiscard).not.toHaveBeenCalled();
    expect(composer.dialogRef.close).toHaveBeenCalledTimes(3);
  });

  it('asks on Escape; "keep editing" keeps the text and puts focus back where the person was typing', async () => {
    const composer = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    composer.unsavedChanges.askToDiscard.mockResolvedValue(false);
    const title = composer.byTestId<HTMLInputElement>('composer-title');
    title.focus();
    await composer.type('composer-title', 'Sommerfest');
    title.blur();

    await composer.pressEscape();
    expect(composer.unsavedChanges.askToDiscard).toHaveBeenCalledTimes(1);
    expect(composer.dialogRef.close).not.toHaveBeenCalled();
    expect(title.value).toBe('Sommerfest');
    expect(document.activeElement).toBe(title);
  });

  it.each([
    ['the backdrop', (composer: Awaited<ReturnType<typeof render>>) => composer.clickBackdrop()],
    ['Cancel', (composer: Awaited<ReturnType<typeof render>>) => composer.click('composer-cancel')],
    ['Escape', (composer: Awaited<ReturnType<typeof render>>) => composer.pressEscape()],
  ])('closes through %s once the person chose to discard', async (_, leave) => {
    const composer = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    composer.unsavedChanges.askToDiscard.mockResolvedValue(true);
    await composer.type('composer-body', 'Halvskrevet');
    await leave(composer);
    expect(composer.unsavedChanges.askToDiscard).toHaveBeenCalledTimes(1);
    expect(composer.dialogRef.close).toHaveBeenCalledWith();
  });

  it('asks the browser to hold a reload or a closed tab only while something is unsaved', async () => {
    const composer = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await composer.type('composer-title', 'Sommerfest');
    expect(unload()).toBe(true);
  });

  it('does not ask after a save: the saved post closes the composer', async () => {
    const composer = await render({ postId: 'p1' });
    const { POST } = await import('./composer-dialog.testing');
    composer.http.expectOne({ method: 'GET', url: '/api/organizations/o1/posts/p1' }).flush(POST);
    await composer.settle();
    await composer.type('composer-title', 'Skolestart i Fjordvik');
    await composer.click('composer-save');
    composer.http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' }).flush({ ...POST, title: 'Skolestart i Fjordvik' });
    await composer.settle();
    expect(composer.unsavedChanges.askToDiscard).not.toHaveBeenCalled();
    expect(composer.dialogRef.close).toHaveBeenCalledWith({ kind: 'saved', post: { ...POST, title: 'Skolestart i Fjordvik' } });
  });
});
