import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { FormControl } from '@angular/forms';
import type { MediaView, OrganizationId, Platform } from '@kadens/shared/contracts';
import { validatePostMedia } from '@kadens/shared/platform-rules';
import { MediaApi } from '@kadens/web/data-access';
import type { Subscription } from 'rxjs';

import {
  altTextProblem,
  type ApiMediaProblem,
  apiMediaProblems,
  type Attachment,
  attachmentFromMedium,
  kindOfFile,
  moveItem,
  readyMedia,
  uploadFailure,
} from './media-attachments';

let nextUploadKey = 0;

/**
 * The media of the post in one composer: uploads with their progress, the order, the alt texts as
 * typed, and what the API said about them. Provided by the composer dialog; the media section shows it.
 */
@Injectable()
export class ComposerMedia {
  private readonly api = inject(MediaApi);
  private readonly uploads = new Map<string, Subscription>();
  private organizationId: OrganizationId = '';
  private control: FormControl<string[]> | null = null;

  readonly attachments = signal<Attachment[]>([]);
  /** Set once someone tried to submit: missing alt texts show as errors from then on. */
  readonly submitTried = signal(false);
  /** What the API refused about the media on the last save or submit. */
  readonly apiProblems = signal<ApiMediaProblem[]>([]);
  /** One short sentence for screen readers (upload done, failed, moved), announced politely. */
  readonly announcement = signal<{ key: string; params: Record<string, string | number> } | null>(null);

  readonly media = computed(() => readyMedia(this.attachments()));
  readonly mediaIds = computed(() => this.media().map((medium) => medium.id));
  readonly uploading = computed(() => this.attachments().some((a) => a.state === 'uploading'));
  readonly failed = computed(() => this.attachments().some((a) => a.state === 'failed'));
  /** Images without a text alternative, in the post's order. */
  readonly missingAltTexts = computed(() => this.attachments().filter((a) => a.state === 'ready' && altTextProblem(a) === 'missing'));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.uploads.forEach((upload) => upload.unsubscribe()));
  }

  /**
   * Starts on the post's media; `control` (the form's `mediaIds`) follows every change and turns dirty,
   * so the composer knows there is something to save.
   */
  init(organizationId: OrganizationId, control: FormControl<string[]>, media: readonly MediaView[] = []): void {
    this.organizationId = organizationId;
    this.control = control;
    this.attachments.set(media.map(attachmentFromMedium));
  }

  addFiles(files: Iterable<File>): void {
    for (const file of files) {
      const key = `upload-${++nextUploadKey}`;
      const attachment: Attachment = {
        key,
        state: 'uploading',
        fileName: file.name,
        kind: kindOfFile(file),
        progress: 0,
        failure: null,
        file,
        medium: null,
        altText: '',
      };
      this.attachments.update((list) => [...list, attachment]);
      this.start(key);
    }
  }

  /** Adds media chosen from the library (those already attached are not added twice). */
  addFromLibrary(media: readonly MediaView[]): void {
    const present = new Set(this.mediaIds());
    const added = media.filter((medium) => !present.has(medium.id)).map(attachmentFromMedium);
    if (added.length === 0) return;
    this.attachments.update((list) => [...list, ...added]);
    this.touch();
  }

  retry(key: string): void {
    this.patch(key, { state: 'uploading', progress: 0, failure: null });
    this.start(key);
  }

  remove(key: string): void {
    this.uploads.get(key)?.unsubscribe();
    this.uploads.delete(key);
    const removed = this.attachments().find((a) => a.key === key);
    this.attachments.update((list) => list.filter((a) => a.key !== key));
    if (removed) this.announce('media.announce.removed', { fileName: removed.fileName });
    this.touch();
  }

  move(key: string, delta: -1 | 1): void {
    const list = this.attachments();
    const index = list.findIndex((a) => a.key === key);
    const next = moveItem(list, index, delta);
    if (next.every((a, i) => a === list[i])) return;
    this.attachments.set(next);
    this.announce('media.announce.moved', { fileName: list[index]?.fileName ?? '', position: index + delta + 1, count: list.length });
    this.touch();
  }

  setAltText(key: string, altText: string): void {
    this.patch(key, { altText });
    this.touch();
  }

  /** The media stop a save: an upload is still running, or a chosen platform's media rules are broken. */
  blocks(platforms: readonly Platform[]): boolean {
    const media = this.media();
    return this.uploading() || platforms.some((platform) => validatePostMedia(platform, media).length > 0);
  }

  /** Before "submit for approval": true (and the missing alt texts shown) when an image still has none. */
  refuseSubmit(): boolean {
    this.submitTried.set(true);
    return this.missingAltTexts().length > 0 || this.uploading();
  }

  /** Reads the API's refusal; true when it was about the media (then shown in the media section). */
  showApiProblem(error: unknown): boolean {
    const problems = apiMediaProblems(error);
    this.apiProblems.set(problems);
    if (problems.some((p) => p.rule === 'alt_text_required')) this.submitTried.set(true);
    return problems.length > 0;
  }

  /** Saves the alt texts that were changed to their media (before the post is saved); rejects on the first failure. */
  async saveAltTexts(): Promise<void> {
    const changed = this.attachments().filter((a) => a.state === 'ready' && a.medium && a.medium.altText !== a.altText);
    for (const attachment of changed) {
      const medium = await this.api.update(this.organizationId, attachment.medium?.id ?? '', { altText: attachment.altText });
      this.patch(attachment.key, { medium });
    }
  }

  /** The post was saved with these media. */
  saved(media: readonly MediaView[]): void {
    const byId = new Map(media.map((medium) => [medium.id, medium]));
    this.attachments.update((list) =>
      list.map((a) => (a.medium && byId.has(a.medium.id) ? { ...a, medium: byId.get(a.medium.id) ?? a.medium } : a)),
    );
    this.apiProblems.set([]);
  }

  private start(key: string): void {
    const attachment = this.attachments().find((a) => a.key === key);
    if (!attachment?.file) return;
    this.uploads.get(key)?.unsubscribe();
    const file = attachment.file;
    const upload = this.api.upload(this.organizationId, file, file.name).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.patch(key, { progress: event.percent });
        } else {
          const current = this.attachments().find((a) => a.key === key);
          this.patch(key, { state: 'ready', progress: 100, medium: event.medium, kind: event.medium.kind, file: null, key });
          this.announce('media.announce.uploaded', { fileName: file.name });
          // The alt text typed while uploading stays; the medium's own (none yet) is saved with the post.
          if (current && current.altText === '' && event.medium.altText) this.patch(key, { altText: event.medium.altText });
          this.touch();
        }
      },
      error: (error: unknown) => {
        this.patch(key, { state: 'failed', failure: uploadFailure(error) });
        this.announce('media.announce.failed', { fileName: file.name });
        this.uploads.delete(key);
      },
      complete: () => this.uploads.delete(key),
    });
    this.uploads.set(key, upload);
  }

  private patch(key: string, changes: Partial<Attachment>): void {
    this.attachments.update((list) => list.map((a) => (a.key === key ? { ...a, ...changes } : a)));
  }

  private touch(): void {
    this.apiProblems.set([]);
    this.control?.setValue(this.mediaIds());
    this.control?.markAsDirty();
  }

  private announce(key: string, params: Record<string, string | number>): void {
    this.announcement.set({ key, params });
  }
}
