import {
  type AbstractControl,
  FormControl,
  type FormRecord,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ChannelView, PostInput, PostView } from '@kadens/shared/contracts';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { instantToWallClock, wallClockToInstant } from '@kadens/web/util';

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** Media are public addresses, one per line; each must be one, reported as a `pattern` error. */
function mediaAddresses(control: AbstractControl<string>): ValidationErrors | null {
  return mediaUrlList(control.value).every((url) => URL_PATTERN.test(url)) ? null : { pattern: true };
}

function atLeastOneChannel(control: AbstractControl<readonly string[]>): ValidationErrors | null {
  return control.value.length > 0 ? null : { [TRANSLATED_ERROR_KEY]: 'planning.composer.chooseChannel' };
}

/** The composer's form. Times are wall clocks in the organisation's zone; media URLs one per line. */
export function buildComposerForm(fb: NonNullableFormBuilder) {
  return fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.maxLength(100_000)]],
    link: ['', [Validators.pattern(URL_PATTERN), Validators.maxLength(2048)]],
    mediaUrls: ['', [mediaAddresses]],
    /** Media of the organisation's library, in the post's order (the media section keeps it). */
    mediaIds: [[] as string[]],
    contentTypeId: ['', [Validators.required]],
    themeId: ['', [Validators.required]],
    audienceIds: [[] as string[]],
    /** '' means no initiative. */
    initiativeId: [''],
    /** '' keeps the post an unscheduled idea. */
    plannedAt: [''],
    invitesDialogue: [false],
    /** An answer to criticism or a crisis message: an admin must approve it too. */
    sensitive: [false],
    channelIds: [[] as string[], [atLeastOneChannel]],
    /** Per chosen channel: its own text, or null to publish the body. */
    variants: fb.record<FormControl<string | null>>({}),
  });
}

export type ComposerForm = ReturnType<typeof buildComposerForm>;
type ComposerFormValue = ReturnType<ComposerForm['getRawValue']>;

export function mediaUrlList(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The chosen channels in the order the post's targets are sent (the catalog's order). Errors about
 * `targets.N` come back in this order, so it is the one way to find the channel they mean.
 */
export function targetChannelIds(selected: readonly string[], channels: readonly ChannelView[]): string[] {
  const chosen = new Set(selected);
  return channels.filter((channel) => chosen.has(channel.id)).map((channel) => channel.id);
}

export function postInputFromForm(value: ComposerFormValue, channels: readonly ChannelView[], timeZone: string): PostInput {
  const link = value.link.trim();
  const plannedAt = value.plannedAt ? wallClockToInstant(value.plannedAt, timeZone) : null;
  return {
    title: value.title.trim(),
    body: value.body,
    link: link === '' ? null : link,
    mediaUrls: mediaUrlList(value.mediaUrls),
    mediaIds: [...value.mediaIds],
    contentTypeId: value.contentTypeId,
    themeId: value.themeId,
    audienceIds: value.audienceIds,
    initiativeId: value.initiativeId === '' ? null : value.initiativeId,
    plannedAt,
    invitesDialogue: value.invitesDialogue,
    sensitive: value.sensitive,
    targets: targetChannelIds(value.channelIds, channels).map((channelId) => ({
      channelId,
      textVariant: value.variants[channelId] ?? null,
    })),
  };
}

export function formValueFromPost(post: PostView, timeZone: string): ComposerFormValue {
  return {
    title: post.title,
    body: post.body,
    link: post.link ?? '',
    mediaUrls: post.mediaUrls.join('\n'),
    mediaIds: [...(post.mediaIds ?? [])],
    contentTypeId: post.contentTypeId,
    themeId: post.themeId,
    audienceIds: [...post.audienceIds],
    initiativeId: post.initiativeId ?? '',
    plannedAt: post.plannedAt ? instantToWallClock(post.plannedAt, timeZone) : '',
    invitesDialogue: post.invitesDialogue,
    sensitive: post.sensitive,
    channelIds: post.targets.map((target) => target.channelId),
    variants: Object.fromEntries(post.targets.map((target) => [target.channelId, target.textVariant])),
  };
}

/** Keeps one variant control per chosen channel: new channels start on the body, dropped ones go. */
export function syncVariantControls(
  variants: FormRecord<FormControl<string | null>>,
  channelIds: readonly string[],
  values: Readonly<Record<string, string | null>> = {},
): void {
  const wanted = new Set(channelIds);
  for (const id of Object.keys(variants.controls)) {
    if (!wanted.has(id)) variants.removeControl(id, { emitEvent: false });
  }
  for (const id of channelIds) {
    if (!variants.contains(id)) {
      variants.addControl(id, new FormControl<string | null>(values[id] ?? null, Validators.maxLength(100_000)), {
        emitEvent: false,
      });
    }
  }
}
