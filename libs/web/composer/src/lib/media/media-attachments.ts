import type { MediaKind, MediaView, Platform } from '@kadens/shared/contracts';
import { type MediaIssue, validatePostMedia } from '@kadens/shared/platform-rules';

/** Why an upload failed, for people: the API's code (file_too_large, …) and its message about the field. */
export interface UploadFailure {
  /** A key under `media.uploadErrors.`: the API's code, `network` or `unknown`. */
  reason: string;
  /** The API's own words (English), shown after the translated reason when there are any. */
  detail: string | null;
}

const KNOWN_UPLOAD_CODES = ['file_too_large', 'unsupported_media_type', 'unreadable_media', 'malformed_body'];

export function uploadFailure(error: unknown): UploadFailure {
  const response = error as { status?: number; error?: { code?: string; errors?: Array<{ field?: string; messages?: string[] }> } } | null;
  if (response?.status === 0) return { reason: 'network', detail: null };
  const code = response?.error?.code;
  const detail = response?.error?.errors?.flatMap((e) => e.messages ?? []).join('; ') || null;
  if (response?.status === 413) return { reason: 'file_too_large', detail };
  if (response?.status === 415) return { reason: 'unsupported_media_type', detail };
  return { reason: code && KNOWN_UPLOAD_CODES.includes(code) ? code : 'unknown', detail };
}

/** One medium of the post being written: on its way up, failed, or stored in the library. */
export interface Attachment {
  /** Stable while the list changes (the medium's id once it is stored). */
  key: string;
  state: 'uploading' | 'failed' | 'ready';
  fileName: string;
  kind: MediaKind;
  /** 0–100 while uploading. */
  progress: number;
  failure: UploadFailure | null;
  /** The file, kept to try a failed upload again. */
  file: File | null;
  medium: MediaView | null;
  /** The text alternative as typed (saved to the medium with the post). */
  altText: string;
}

export function attachmentFromMedium(medium: MediaView): Attachment {
  return {
    key: medium.id,
    state: 'ready',
    fileName: medium.fileName,
    kind: medium.kind,
    progress: 100,
    failure: null,
    file: null,
    medium,
    altText: medium.altText,
  };
}

export function kindOfFile(file: Pick<File, 'type'>): MediaKind {
  return file.type.startsWith('video/') ? 'video' : 'image';
}

/** Moves the item at `index` one place up (-1) or down (+1); outside the list nothing changes. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
}

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The alt text says no more than the file name ("IMG_2041", "sommerfest.jpg"): screen readers would
 * read the file name out, which describes nothing.
 */
export function altTextRepeatsFileName(altText: string, fileName: string): boolean {
  const alt = words(altText);
  if (alt === '') return false;
  return alt === words(fileName) || alt === words(baseName(fileName));
}

export type AltTextProblem = 'missing' | 'fileName';

/** What is wrong with one attachment's text alternative; images only (video needs none). */
export function altTextProblem(attachment: Pick<Attachment, 'kind' | 'altText' | 'fileName'>): AltTextProblem | null {
  if (attachment.kind !== 'image') return null;
  if (attachment.altText.trim() === '') return 'missing';
  return altTextRepeatsFileName(attachment.altText, attachment.fileName) ? 'fileName' : null;
}

/** The stored media of the post, in order, with the alt texts as typed (what the rules read). */
export function readyMedia(attachments: readonly Attachment[]): MediaView[] {
  return attachments.flatMap((a) => (a.state === 'ready' && a.medium ? [{ ...a.medium, altText: a.altText }] : []));
}

/** The media rules one channel's platform finds broken by the post's media. */
export interface ChannelMediaCheck {
  channelId: string;
  channelName: string;
  platform: Platform;
  issues: MediaIssue[];
}

export function checkChannelsMedia(
  channels: ReadonlyArray<{ id: string; name: string; platform: Platform }>,
  media: readonly MediaView[],
): ChannelMediaCheck[] {
  return channels.map((channel) => ({
    channelId: channel.id,
    channelName: channel.name,
    platform: channel.platform,
    issues: validatePostMedia(channel.platform, media),
  }));
}

/** Translation params of a media issue: limits in the units people read (MB, seconds, a ratio). */
export function mediaIssueParams(issue: MediaIssue, media: readonly Pick<MediaView, 'fileName'>[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params)) {
    if (typeof value !== 'number') params[key] = String(value);
    else if (key === 'limit' && issue.code === 'media.too_large') params[key] = Math.round((value / (1024 * 1024)) * 10) / 10;
    else if (key === 'bytes') params[key] = Math.round((value / (1024 * 1024)) * 10) / 10;
    else if (key.endsWith('Ms')) params[key] = Math.round(value / 100) / 10;
    else if (key === 'min' || key === 'max' || key === 'ratio') params[key] = Math.round(value * 100) / 100;
    else params[key] = value;
  }
  if (issue.index !== undefined) params['fileName'] = media[issue.index]?.fileName ?? String(issue.index + 1);
  return params;
}

/** One rule the API named when it refused the post's media (422 `media_rules` / `alt_text_required`, 400 `mediaIds.N`). */
export interface ApiMediaProblem {
  /** The rule's code (`media.too_many`, `alt_text_required`, …) or null when the API named none. */
  rule: string | null;
  channelId: string | null;
  /** The medium's position, when one is named. */
  index: number | null;
  message: string;
}

const MEDIA_FIELD = /^mediaIds(?:\.(\d+))?$/;

/** The media problems in an API error; [] when it is about something else. */
export function apiMediaProblems(error: unknown): ApiMediaProblem[] {
  const response = error as { status?: number; error?: { code?: string; errors?: unknown[] } } | null;
  if (!response || (response.status !== 400 && response.status !== 422)) return [];
  const code = response.error?.code;
  const errors = Array.isArray(response.error?.errors) ? response.error.errors : [];
  return errors.flatMap((raw) => {
    const entry = raw as { field?: string; messages?: string[]; rule?: string; channelId?: string };
    const match = MEDIA_FIELD.exec(entry.field ?? '');
    if (!match) return [];
    const rule = entry.rule ?? (code === 'alt_text_required' ? 'alt_text_required' : null);
    return [
      {
        rule,
        channelId: entry.channelId ?? null,
        index: match[1] === undefined ? null : Number(match[1]),
        message: (entry.messages ?? []).join('; '),
      },
    ];
  });
}
