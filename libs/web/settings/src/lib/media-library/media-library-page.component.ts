import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MediaView } from '@kadens/shared/contracts';
import {
  ActiveOrganization,
  MediaApi,
  type MediaUsingPost,
  OrganizationTimeZone,
  postsUsingMedium,
  reviewLink,
} from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';
import type { Subscription } from 'rxjs';

import { LibraryUploads } from './library-uploads';

export const MEDIA_PAGE_SIZE = 24;

/** The organisation's media: find them by alt text or file name, fix alt texts, upload, delete. */
@Component({
  selector: 'kd-media-library-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink, TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './media-library-page.component.html',
  styleUrl: './media-library-page.component.scss',
})
export class MediaLibraryPageComponent {
  private readonly api = inject(MediaApi);
  private readonly confirmation = inject(Confirmation);
  private readonly notifier = inject(ProblemNotifier);
  private readonly activeOrganization = inject(ActiveOrganization);
  protected readonly timeZone = inject(OrganizationTimeZone).timeZone;
  protected readonly language = injectActiveLanguage();

  protected readonly organizationId = computed(() => this.activeOrganization.organizationId() ?? '');
  protected readonly canEdit = computed(() => this.activeOrganization.can('posts.edit'));
  protected readonly items = signal<MediaView[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly query = signal('');
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly page = computed(() => Math.floor(this.offset() / MEDIA_PAGE_SIZE) + 1);
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / MEDIA_PAGE_SIZE)));
  /** The medium whose alt text is being edited. */
  protected readonly editing = signal<string | null>(null);
  protected readonly saving = signal(false);
  /** The posts that stopped a deletion, by medium. */
  protected readonly inUse = signal<{ mediumId: string; fileName: string; posts: MediaUsingPost[] } | null>(null);
  protected readonly uploads = new LibraryUploads(inject(MediaApi), () => this.reload());
  protected readonly reviewLink = reviewLink;
  private loadingNow: Subscription | null = null;

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      if (organizationId) untracked(() => void this.load());
    });
    inject(DestroyRef).onDestroy(() => {
      this.uploads.cancelAll();
      this.loadingNow?.unsubscribe();
    });
  }

  protected search(query: string): void {
    this.query.set(query.trim());
    this.offset.set(0);
    void this.load();
  }

  protected goTo(delta: -1 | 1): void {
    this.offset.set(Math.max(0, this.offset() + delta * MEDIA_PAGE_SIZE));
    void this.load();
  }

  protected filesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files) this.uploads.add(this.organizationId(), [...input.files]);
    input.value = '';
  }

  protected startEditing(medium: MediaView): void {
    this.editing.set(medium.id);
    setTimeout(() => document.querySelector<HTMLTextAreaElement>(`[data-alt-editor="${medium.id}"]`)?.focus());
  }

  protected stopEditing(medium: MediaView): void {
    this.editing.set(null);
    setTimeout(() => document.querySelector<HTMLElement>(`[data-edit-button="${medium.id}"]`)?.focus());
  }

  protected async saveAltText(medium: MediaView, altText: string): Promise<void> {
    this.saving.set(true);
    try {
      const updated = await this.api.update(this.organizationId(), medium.id, { altText: altText.trim() });
      this.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      this.notifier.announce('media.library.saved');
      this.stopEditing(medium);
    } catch {
      this.notifier.announce('media.library.saveFailed');
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(medium: MediaView): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'media.library.deleteTitle',
      messageKey: 'media.library.deleteMessage',
      confirmKey: 'media.library.delete',
      params: { fileName: medium.fileName },
    });
    if (!confirmed) return;
    this.inUse.set(null);
    try {
      await this.api.remove(this.organizationId(), medium.id);
      this.notifier.announce('media.library.deleted');
      await this.load();
      setTimeout(() => document.querySelector<HTMLElement>('#media-library-title')?.focus());
    } catch (error) {
      const posts = postsUsingMedium(error);
      if (posts.length > 0) {
        this.inUse.set({ mediumId: medium.id, fileName: medium.fileName, posts });
        setTimeout(() => document.querySelector<HTMLElement>('[data-testid="media-in-use"]')?.focus());
      } else {
        this.notifier.announce('media.library.deleteFailed');
      }
    }
  }

  /** The file's size as people read it, in the screen's language: "38 kB", "1,2 MB". */
  protected size(bytes: number): string {
    const megabyte = 1024 * 1024;
    const [value, unit] = bytes < megabyte ? [bytes / 1024, 'kilobyte'] : [bytes / megabyte, 'megabyte'];
    return new Intl.NumberFormat(this.language(), { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  }

  private reload(): void {
    this.offset.set(0);
    void this.load();
  }

  private async load(): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.api.list(organizationId, { q: this.query() || undefined, limit: MEDIA_PAGE_SIZE, offset: this.offset() });
      this.items.set(page.items);
      this.total.set(page.total);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
