import type { MediaView } from '@kadens/shared/contracts';

/** A stored medium as the API serves it (an image without alt text unless told). */
export const medium = (overrides: Partial<MediaView> = {}): MediaView => ({
  id: 'm1',
  kind: 'image',
  mimeType: 'image/jpeg',
  fileName: 'IMG_2041.jpg',
  bytes: 200_000,
  width: 1080,
  height: 1080,
  altText: '',
  thumbnailUrl: '/api/organizations/o1/media/m1/content?variant=thumbnail',
  contentUrl: '/api/organizations/o1/media/m1/content',
  createdAt: '2026-12-07T10:00:00.000Z',
  ...overrides,
});
