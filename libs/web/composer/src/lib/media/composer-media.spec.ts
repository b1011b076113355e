import { provideHttpClient } from '@angular/common/http';
import { HttpEventType } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';

import { ComposerMedia } from './composer-media';
import { medium } from './media.testing';

const MEDIA = '/api/organizations/o1/media';

function setUp() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), ComposerMedia] });
  const state = TestBed.inject(ComposerMedia);
  const control = new FormControl<string[]>([], { nonNullable: true });
  state.init('o1', control, []);
  return { state, control, http: TestBed.inject(HttpTestingController) };
}

const photo = (name: string) => new File([new Uint8Array(1000)], name, { type: 'image/jpeg' });

describe('ComposerMedia', () => {
  it('uploads several files at once, each with its own progress, and keeps the post’s order', () => {
    const { state, control, http } = setUp();
    state.addFiles([photo('a.jpg'), photo('b.jpg')]);
    const [first, second] = http.match({ method: 'POST', url: MEDIA });
    expect(first?.request.body).toBeInstanceOf(FormData);
    expect((first?.request.body as FormData).get('file')).toBeInstanceOf(File);
    first?.event({ type: HttpEventType.UploadProgress, loaded: 500, total: 1000 });
    expect(state.attachments().map((a) => [a.fileName, a.state, a.progress])).toEqual([
      ['a.jpg', 'uploading', 50],
      ['b.jpg', 'uploading', 0],
    ]);
    expect(state.uploading()).toBe(true);
    expect(state.blocks([])).toBe(true);

    second?.flush(medium({ id: 'm2', fileName: 'b.jpg' }), { status: 201, statusText: 'Created' });
    first?.flush(medium({ id: 'm1', fileName: 'a.jpg' }), { status: 201, statusText: 'Created' });
    expect(state.mediaIds()).toEqual(['m1', 'm2']);
    expect(control.value).toEqual(['m1', 'm2']);
    expect(control.dirty).toBe(true);
    expect(state.uploading()).toBe(false);
    expect(state.announcement()).toEqual({ key: 'media.announce.uploaded', params: { fileName: 'a.jpg' } });

    const second2 = state.attachments()[1];
    state.move(second2?.key ?? '', -1);
    expect(control.value).toEqual(['m2', 'm1']);
    state.remove(state.attachments()[0]?.key ?? '');
    expect(control.value).toEqual(['m1']);
  });

  it('shows why an upload failed and tries again on request', () => {
    const { state, http } = setUp();
    state.addFiles([photo('huge.jpg')]);
    http
      .expectOne(MEDIA)
      .flush(
        { code: 'file_too_large', errors: [{ field: 'file', messages: ['at most 20 MB'] }] },
        { status: 413, statusText: 'Payload Too Large' },
      );
    const [failed] = state.attachments();
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toEqual({ reason: 'file_too_large', detail: 'at most 20 MB' });
    expect(state.mediaIds()).toEqual([]);

    state.retry(failed?.key ?? '');
    expect(state.attachments()[0]?.state).toBe('uploading');
    http.expectOne(MEDIA).flush(medium({ fileName: 'huge.jpg' }), { status: 201, statusText: 'Created' });
    expect(state.mediaIds()).toEqual(['m1']);
  });

  it('refuses "submit for approval" while an image has no alt text, and saves typed alt texts to the media', async () => {
    const { state, http } = setUp();
    state.init('o1', new FormControl<string[]>(['m1', 'v1'], { nonNullable: true }), [
      medium({ id: 'm1' }),
      medium({ id: 'v1', kind: 'video', mimeType: 'video/mp4', fileName: 'film.mp4' }),
    ]);
    expect(state.refuseSubmit()).toBe(true);
    expect(state.missingAltTexts().map((a) => a.key)).toEqual(['m1']);

    state.setAltText('m1', 'Barn som leker i snøen');
    expect(state.refuseSubmit()).toBe(false);
    const saving = state.saveAltTexts();
    const patch = http.expectOne(`${MEDIA}/m1`);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ altText: 'Barn som leker i snøen' });
    patch.flush(medium({ id: 'm1', altText: 'Barn som leker i snøen' }));
    await saving;
    // Nothing changed since: nothing more is sent.
    await state.saveAltTexts();
    http.verify();
  });

  it('adds media from the library once, and blocks a post whose media break a chosen platform’s rules', () => {
    const { state } = setUp();
    state.addFromLibrary([medium({ id: 'a' }), medium({ id: 'b' })]);
    state.addFromLibrary([medium({ id: 'a' }), medium({ id: 'c' }), medium({ id: 'd' }), medium({ id: 'e' })]);
    expect(state.mediaIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(state.blocks(['wordpress'])).toBe(false);
    expect(state.blocks(['x'])).toBe(true);
  });

  it('takes the API’s refusal of the media, naming the rule', () => {
    const { state } = setUp();
    const refused = state.showApiProblem({
      status: 422,
      error: { code: 'media_rules', errors: [{ field: 'mediaIds', rule: 'media.too_many', channelId: 'c-x', messages: ['too many'] }] },
    });
    expect(refused).toBe(true);
    expect(state.apiProblems()[0]?.rule).toBe('media.too_many');
    expect(state.showApiProblem({ status: 400, error: { errors: [{ field: 'title', messages: ['x'] }] } })).toBe(false);
  });
});
