import type { MediaKind, MediaMimeType, Platform } from '@kadens/shared/contracts';

const MB = 1024 * 1024;
const IMAGES: readonly MediaMimeType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const VIDEOS: readonly MediaMimeType[] = ['video/mp4', 'video/quicktime'];

/**
 * What a platform accepts as the media of one post. `null` = the platform sets no such limit (or it
 * is the installation's, like WordPress's upload size). Sizes are of the stored file, in bytes;
 * aspect ratios are width / height; alt text is counted in characters (UTF-16 units, the cautious
 * reading, as for the text rules).
 */
export interface PlatformMediaRules {
  readonly platform: Platform;
  /** Most media on one post; `maxVideos` of them may be video. */
  readonly maxCount: number | null;
  readonly maxVideos: number | null;
  /** Images and video in the same post. */
  readonly mixImagesAndVideo: boolean;
  readonly imageTypes: readonly MediaMimeType[];
  readonly videoTypes: readonly MediaMimeType[];
  readonly maxImageBytes: number | null;
  readonly maxVideoBytes: number | null;
  readonly imageAspect: { min: number; max: number } | null;
  readonly video: { minMs: number; maxMs: number } | null;
  readonly maxAltText: number | null;
}

const NONE = {
  maxCount: null,
  maxVideos: null,
  mixImagesAndVideo: true,
  imageTypes: IMAGES,
  videoTypes: VIDEOS,
  maxImageBytes: null,
  maxVideoBytes: null,
  imageAspect: null,
  video: null,
  maxAltText: null,
} as const;

const RULES: Readonly<Record<Platform, PlatformMediaRules>> = {
  // https://docs.x.com/x-api/media/quickstart/best-practices and POST /2/media/metadata: up to 4 images
  // or 1 video (or 1 GIF) per post; images ≤ 5 MB, GIF ≤ 15 MB (we keep 5 MB for every image, the
  // cautious reading), video ≤ 512 MB and 0.5–140 s; alt text ≤ 1,000 characters.
  x: {
    ...NONE,
    platform: 'x',
    maxCount: 4,
    maxVideos: 1,
    mixImagesAndVideo: false,
    maxImageBytes: 5 * MB,
    maxVideoBytes: 512 * MB,
    video: { minMs: 500, maxMs: 140_000 },
    maxAltText: 1000,
  },
  // https://docs.bsky.app (lexicon app.bsky.embed.images: ≤ 4 images, each blob ≤ 1,000,000 bytes —
  // the adapter re-encodes larger images, so size does not block here; app.bsky.embed.video: 1 video,
  // ≤ 100 MB, ≤ 3 min). The lexicon sets no alt length; the Bluesky app stops at 2,000.
  bluesky: {
    ...NONE,
    platform: 'bluesky',
    maxCount: 4,
    maxVideos: 1,
    mixImagesAndVideo: false,
    videoTypes: ['video/mp4'],
    maxVideoBytes: 100 * MB,
    video: { minMs: 0, maxMs: 180_000 },
    maxAltText: 2000,
  },
  // https://docs.joinmastodon.org/methods/media/ and the instance's configuration.media_attachments:
  // 4 attachments (instance max_media_attachments, default 4), images ≤ 16 MB, video ≤ 99 MB (defaults);
  // a status carries images or one video, not both; description ≤ 1,500 characters.
  mastodon: {
    ...NONE,
    platform: 'mastodon',
    maxCount: 4,
    maxVideos: 1,
    mixImagesAndVideo: false,
    maxImageBytes: 16 * MB,
    maxVideoBytes: 99 * MB,
    maxAltText: 1500,
  },
  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
  // one image or video, or a carousel of 2–10 (mixed allowed); images JPEG only, ≤ 8 MB, aspect 4:5 to
  // 1.91:1; reels MP4/MOV ≤ 300 MB, 3 s – 15 min. Alt text (`alt_text`) has no documented limit.
  instagram: {
    ...NONE,
    platform: 'instagram',
    maxCount: 10,
    imageTypes: ['image/jpeg'],
    maxImageBytes: 8 * MB,
    maxVideoBytes: 300 * MB,
    imageAspect: { min: 4 / 5, max: 1.91 },
    video: { minMs: 3_000, maxMs: 15 * 60_000 },
  },
  // https://developers.facebook.com/docs/graph-api/reference/page/photos/ (≤ 10 MB; JPEG, PNG, GIF, …;
  // several photos through attached_media) and /page/videos (one video per post). No alt text field.
  facebook: {
    ...NONE,
    platform: 'facebook',
    maxCount: 10,
    maxVideos: 1,
    mixImagesAndVideo: false,
    maxImageBytes: 10 * MB,
    maxVideoBytes: 10 * 1024 * MB,
  },
  // https://learn.microsoft.com/linkedin/marketing/community-management/shares/images-api (JPG, GIF, PNG),
  // …/multiimage-post-api (2–20 images), …/videos-api (MP4, 3 s – 30 min, ≤ 500 MB); altText ≤ 4,086.
  linkedin: {
    ...NONE,
    platform: 'linkedin',
    maxCount: 20,
    maxVideos: 1,
    mixImagesAndVideo: false,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif'],
    videoTypes: ['video/mp4'],
    maxVideoBytes: 500 * MB,
    video: { minMs: 3_000, maxMs: 30 * 60_000 },
    maxAltText: 4086,
  },
  // https://developer.wordpress.org/rest-api/reference/media/ — the site sets the upload size; any count.
  wordpress: { ...NONE, platform: 'wordpress' },
  // The webhook receives signed URLs and alt texts; it accepts what the receiver accepts.
  webhook: { ...NONE, platform: 'webhook' },
};

export function platformMediaRules(platform: Platform): PlatformMediaRules {
  const rules = RULES[platform];
  if (rules === undefined) throw new RangeError(`No media rules for platform "${String(platform)}"`);
  return rules;
}

/** The facts of one attached medium the rules read (a MediaView has them all). */
export interface MediaFacts {
  id: string;
  kind: MediaKind;
  mimeType: MediaMimeType;
  bytes: number;
  width: number;
  height: number;
  durationMs?: number | null;
  altText: string;
}

/** A broken media rule, as data; `index` is the medium's position in the post (absent: the whole set). */
export type MediaIssue =
  | { code: 'media.too_many'; index?: undefined; params: { limit: number; count: number } }
  | { code: 'media.too_many_videos'; index?: undefined; params: { limit: number; count: number } }
  | { code: 'media.mixed_kinds'; index?: undefined; params: Record<string, never> }
  | { code: 'media.type_not_allowed'; index: number; params: { mimeType: MediaMimeType } }
  | { code: 'media.too_large'; index: number; params: { limit: number; bytes: number } }
  | { code: 'media.aspect_ratio'; index: number; params: { min: number; max: number; ratio: number } }
  | { code: 'media.video_too_short'; index: number; params: { minMs: number; durationMs: number } }
  | { code: 'media.video_too_long'; index: number; params: { maxMs: number; durationMs: number } }
  | { code: 'media.alt_text_too_long'; index: number; params: { limit: number; count: number } };

export type MediaIssueCode = MediaIssue['code'];

/** Every rule of `platform` that the media of one post (in order) break; [] when they all fit. */
export function validatePostMedia(platform: Platform, media: readonly MediaFacts[]): MediaIssue[] {
  const rules = platformMediaRules(platform);
  const issues: MediaIssue[] = [];
  const videos = media.filter((m) => m.kind === 'video').length;
  if (rules.maxCount !== null && media.length > rules.maxCount) {
    issues.push({ code: 'media.too_many', params: { limit: rules.maxCount, count: media.length } });
  }
  if (rules.maxVideos !== null && videos > rules.maxVideos) {
    issues.push({ code: 'media.too_many_videos', params: { limit: rules.maxVideos, count: videos } });
  }
  if (!rules.mixImagesAndVideo && videos > 0 && videos < media.length) issues.push({ code: 'media.mixed_kinds', params: {} });
  media.forEach((medium, index) => issues.push(...mediumIssues(rules, medium, index)));
  return issues;
}

function mediumIssues(rules: PlatformMediaRules, medium: MediaFacts, index: number): MediaIssue[] {
  const issues: MediaIssue[] = [];
  const image = medium.kind === 'image';
  if (!(image ? rules.imageTypes : rules.videoTypes).includes(medium.mimeType)) {
    issues.push({ code: 'media.type_not_allowed', index, params: { mimeType: medium.mimeType } });
  }
  const maxBytes = image ? rules.maxImageBytes : rules.maxVideoBytes;
  if (maxBytes !== null && medium.bytes > maxBytes)
    issues.push({ code: 'media.too_large', index, params: { limit: maxBytes, bytes: medium.bytes } });
  if (image && rules.imageAspect && medium.height > 0) {
    const ratio = medium.width / medium.height;
    // Two decimals of tolerance: 1080 × 1350 is exactly 4:5, 1080 × 566 is 1.908.
    if (ratio < rules.imageAspect.min - 0.005 || ratio > rules.imageAspect.max + 0.005) {
      issues.push({ code: 'media.aspect_ratio', index, params: { ...rules.imageAspect, ratio: Math.round(ratio * 1000) / 1000 } });
    }
  }
  if (!image && rules.video && medium.durationMs != null) {
    if (medium.durationMs < rules.video.minMs) {
      issues.push({ code: 'media.video_too_short', index, params: { minMs: rules.video.minMs, durationMs: medium.durationMs } });
    }
    if (medium.durationMs > rules.video.maxMs) {
      issues.push({ code: 'media.video_too_long', index, params: { maxMs: rules.video.maxMs, durationMs: medium.durationMs } });
    }
  }
  if (rules.maxAltText !== null && medium.altText.length > rules.maxAltText) {
    issues.push({ code: 'media.alt_text_too_long', index, params: { limit: rules.maxAltText, count: medium.altText.length } });
  }
  return issues;
}

/** Images whose text alternative is still missing (required before a post is submitted for approval). */
export function imagesWithoutAltText<T extends Pick<MediaFacts, 'kind' | 'altText'>>(media: readonly T[]): T[] {
  return media.filter((m) => m.kind === 'image' && m.altText.trim() === '');
}
