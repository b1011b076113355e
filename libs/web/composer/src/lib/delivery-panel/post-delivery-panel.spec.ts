import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { PostView } from '@kadens/shared/contracts';
import type { PlanningCatalog } from '@kadens/web/data-access';

import { POST, renderComposer } from '../composer-dialog/composer-dialog.testing';
import { POST_DELIVERY_PANEL } from '@kadens/web/data-access';

@Component({
  selector: 'kd-stub-delivery-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="stub-delivery">{{ post().id }} in {{ catalog().timeZone }}</p>`,
})
class StubDeliveryPanelComponent {
  readonly post = input.required<PostView>();
  readonly catalog = input.required<PlanningCatalog>();
}

describe('POST_DELIVERY_PANEL', () => {
  async function render(panel: typeof StubDeliveryPanelComponent | null, postId?: string) {
    const providers = panel ? [{ provide: POST_DELIVERY_PANEL, useValue: panel }] : [];
    const { http, settle, query } = await renderComposer({ role: 'editor', postId, providers });
    if (postId) http.expectOne(`/api/organizations/o1/posts/${postId}`).flush(POST);
    await settle();
    return query('stub-delivery');
  }

  it('shows the provided panel under a saved post, given the post and the catalog', async () => {
    expect((await render(StubDeliveryPanelComponent, 'p1'))?.textContent).toBe('p1 in Europe/Oslo');
  });

  it('shows no panel for a new post, nor when none is provided', async () => {
    expect(await render(StubDeliveryPanelComponent)).toBeNull();
    TestBed.resetTestingModule();
    expect(await render(null, 'p1')).toBeNull();
  });

  it('opens a published post read-only: "Post", no save or delete, the delivery shown', async () => {
    const providers = [{ provide: POST_DELIVERY_PANEL, useValue: StubDeliveryPanelComponent }];
    const { http, settle, query, byTestId } = await renderComposer({ role: 'editor', postId: 'p1', providers });
    http
      .expectOne('/api/organizations/o1/posts/p1')
      .flush({ ...POST, state: 'approved', targets: POST.targets.map((target) => ({ ...target, state: 'published' })) });
    await settle();
    expect(byTestId('composer').querySelector('h2')?.textContent?.trim()).toBe('Post');
    expect(query('composer-state')?.getAttribute('data-state')).toBe('published');
    expect(query('composer-delivered')).not.toBeNull();
    expect(query('composer-save')).toBeNull();
    expect(query('composer-delete')).toBeNull();
    expect(query('composer-submit')).toBeNull();
    expect(byTestId<HTMLInputElement>('composer-title').disabled).toBe(true);
    expect(query('stub-delivery')?.textContent).toBe('p1 in Europe/Oslo');
  });
});
