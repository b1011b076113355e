/** What the media library holds: still images (JPEG, PNG, WebP, GIF) and video (MP4, MOV). */
export type MediaKind = 'image' | 'video';

export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime'] as const;
export type MediaMimeType = (typeof MEDIA_MIME_TYPES)[number];

/** One medium of an organisation's library, as stored: metadata stripped, orientation applied. */
/** How large a file the installation's media library takes (MEDIA_MAX_IMAGE_MB / MEDIA_MAX_VIDEO_MB), in bytes. */
export interface MediaLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
}

export interface MediaView {
  id: string;
  kind: MediaKind;
  /** Detected from the content, never from the file name. */
  mimeType: MediaMimeType;
  /** The file name it was uploaded with (searchable; never published). */
  fileName: string;
  bytes: number;
  width: number;
  height: number;
  /** Video only. */
  durationMs?: number;
  /** The text alternative; '' until someone writes it (images need one before a post is submitted). */
  altText: string;
  /** Same-origin path of a small preview (the session's cookie authorises it); null for video. */
  thumbnailUrl: string | null;
  /** Same-origin path of the stored file. */
  contentUrl: string;
  createdAt: string;
}

export interface MediaPage {
  items: MediaView[];
  /** Every match, for paging with `limit` and `offset`. */
  total: number;
}

export interface MediaUpdate {
  altText: string;
}
