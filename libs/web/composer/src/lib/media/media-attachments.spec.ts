import {
  altTextProblem,
  altTextRepeatsFileName,
  apiMediaProblems,
  attachmentFromMedium,
  checkChannelsMedia,
  mediaIssueParams,
  moveItem,
  readyMedia,
  uploadFailure,
} from './media-attachments';
import { medium } from './media.testing';

describe('the media of a post in the composer', () => {
  it('moves a medium one place up or down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds alt texts that only repeat the file name, with or without its ending or separators', () => {
    expect(altTextRepeatsFileName('IMG_2041', 'IMG_2041.jpg')).toBe(true);
    expect(altTextRepeatsFileName('img 2041.JPG', 'IMG_2041.jpg')).toBe(true);
    expect(altTextRepeatsFileName('sommerfest-barnehage', 'sommerfest_barnehage.png')).toBe(true);
    expect(altTextRepeatsFileName('Barn som leker i snøen', 'IMG_2041.jpg')).toBe(false);
    expect(altTextRepeatsFileName('', 'IMG_2041.jpg')).toBe(false);
  });

  it('asks images, not video, for a text alternative and warns on the file name', () => {
    expect(altTextProblem({ kind: 'image', altText: '  ', fileName: 'a.jpg' })).toBe('missing');
    expect(altTextProblem({ kind: 'image', altText: 'a', fileName: 'a.jpg' })).toBe('fileName');
    expect(altTextProblem({ kind: 'image', altText: 'Barn i snøen', fileName: 'a.jpg' })).toBeNull();
    expect(altTextProblem({ kind: 'video', altText: '', fileName: 'film.mp4' })).toBeNull();
  });

  it('gives the rules the stored media in order with the alt texts as typed, leaving uploads out', () => {
    const ready = { ...attachmentFromMedium(medium()), altText: 'Barn i snøen' };
    const uploading = { ...attachmentFromMedium(medium({ id: 'm2' })), state: 'uploading' as const, medium: null };
    expect(readyMedia([uploading, ready]).map((m) => [m.id, m.altText])).toEqual([['m1', 'Barn i snøen']]);
  });

  it('checks each chosen channel live: X takes four images or one video, Instagram only JPEG', () => {
    const five = Array.from({ length: 5 }, (_, i) => medium({ id: `m${i}`, altText: 'x' }));
    const checks = checkChannelsMedia(
      [
        { id: 'c-x', name: 'X', platform: 'x' },
        { id: 'c-wp', name: 'Nettsted', platform: 'wordpress' },
      ],
      five,
    );
    expect(checks.map((check) => [check.channelId, check.issues.map((issue) => issue.code)])).toEqual([
      ['c-x', ['media.too_many']],
      ['c-wp', []],
    ]);
    const [instagram] = checkChannelsMedia([{ id: 'c-ig', name: 'IG', platform: 'instagram' }], [medium({ mimeType: 'image/png' })]);
    const issue = instagram?.issues[0];
    expect(issue?.code).toBe('media.type_not_allowed');
    expect(issue && mediaIssueParams(issue, [medium()])).toEqual({ mimeType: 'image/png', fileName: 'IMG_2041.jpg' });
  });

  it('words sizes in MB and lengths in seconds', () => {
    const [x] = checkChannelsMedia([{ id: 'c-x', name: 'X', platform: 'x' }], [medium({ bytes: 6 * 1024 * 1024 })]);
    const issue = x?.issues[0];
    expect(issue && mediaIssueParams(issue, [medium()])).toEqual({ limit: 5, bytes: 6, fileName: 'IMG_2041.jpg' });
  });

  it('explains a refused upload by the API’s code and words', () => {
    const tooLarge = {
      status: 413,
      error: { code: 'file_too_large', errors: [{ field: 'file', messages: ['at most 20 MB for images'] }] },
    };
    expect(uploadFailure(tooLarge)).toEqual({ reason: 'file_too_large', detail: 'at most 20 MB for images' });
    expect(uploadFailure({ status: 415, error: { code: 'unsupported_media_type', errors: [] } }).reason).toBe('unsupported_media_type');
    expect(uploadFailure({ status: 0 })).toEqual({ reason: 'network', detail: null });
    expect(uploadFailure({ status: 500, error: { code: 'boom' } }).reason).toBe('unknown');
  });

  it('reads the API’s media refusals: the rule, the channel and the medium', () => {
    const rules = {
      status: 422,
      error: {
        code: 'media_rules',
        errors: [
          { field: 'mediaIds', rule: 'media.too_many', channelId: 'c-x', messages: ['media.too_many on X (x): limit=4, count=5'] },
          { field: 'mediaIds.1', rule: 'media.too_large', channelId: 'c-x', messages: ['media.too_large on X (x)'] },
        ],
      },
    };
    expect(apiMediaProblems(rules)).toEqual([
      { rule: 'media.too_many', channelId: 'c-x', index: null, message: 'media.too_many on X (x): limit=4, count=5' },
      { rule: 'media.too_large', channelId: 'c-x', index: 1, message: 'media.too_large on X (x)' },
    ]);
    const altText = {
      status: 422,
      error: { code: 'alt_text_required', errors: [{ field: 'mediaIds.0', mediaId: 'm1', messages: ['needs alt text'] }] },
    };
    expect(apiMediaProblems(altText)).toEqual([{ rule: 'alt_text_required', channelId: null, index: 0, message: 'needs alt text' }]);
    expect(apiMediaProblems({ status: 400, error: { errors: [{ field: 'title', messages: ['required'] }] } })).toEqual([]);
    expect(apiMediaProblems({ status: 409, error: { errors: [{ field: 'mediaIds', messages: [] }] } })).toEqual([]);
  });
});
