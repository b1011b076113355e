import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { MediaView } from '@kadens/shared/contracts';
import { MEDIA_SCOPE, MediaApi } from '@kadens/web/data-access';

export interface MediaPickerData {
  organizationId: string;
  /** Already on the post: shown as chosen, not offered again. */
  attachedIds: readonly string[];
}

const PAGE_SIZE = 24;

/** "Choose from the library": the organisation's media, searchable by alt text and file name. */
@Component({
  selector: 'kd-media-picker-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe],
  providers: [provideTranslocoScope(MEDIA_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'media.picker.title' | transloco }}</h2>
    <mat-dialog-content>
      <form class="picker__search" role="search" (submit)="$event.preventDefault(); search(query.value)">
        <mat-form-field subscriptSizing="dynamic" class="picker__query">
          <mat-label>{{ 'media.library.search' | transloco }}</mat-label>
          <input matInput #query type="search" data-testid="media-picker-search" />
        </mat-form-field>
        <button mat-stroked-button type="submit">{{ 'media.library.searchButton' | transloco }}</button>
      </form>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      <p class="visually-hidden" aria-live="polite">
        @if (!loading()) {
          {{ 'media.library.found' | transloco: { count: total() } }}
        }
      </p>
      @if (failed()) {
        <p role="alert" class="picker__error">{{ 'media.library.loadFailed' | transloco }}</p>
      }
      <ul class="picker__grid">
        @for (medium of items(); track medium.id) {
          @let attached = data.attachedIds.includes(medium.id);
          <li>
            <button
              type="button"
              class="picker__item"
              [class.picker__item--chosen]="chosen().has(medium.id) || attached"
              [attr.aria-pressed]="chosen().has(medium.id) || attached"
              [disabled]="attached"
              (click)="toggle(medium)"
              data-testid="media-picker-item"
            >
              @if (medium.thumbnailUrl) {
                <img [src]="medium.thumbnailUrl" alt="" loading="lazy" />
              } @else {
                <span class="picker__kind">{{ 'media.kind.' + medium.kind | transloco }}</span>
              }
              <span class="picker__name">{{ medium.altText || medium.fileName }}</span>
            </button>
          </li>
        } @empty {
          @if (!loading()) {
            <li class="picker__empty">{{ 'media.library.empty' | transloco }}</li>
          }
        }
      </ul>
      @if (items().length < total()) {
        <button mat-button type="button" (click)="more()" [disabled]="loading()" data-testid="media-picker-more">
          {{ 'media.library.more' | transloco }}
        </button>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [disabled]="chosen().size === 0" (click)="confirm()" data-testid="media-picker-add">
        {{ 'media.picker.add' | transloco: { count: chosen().size } }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .picker__search {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .picker__query {
      flex: 1 1 12rem;
    }
    .picker__grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .picker__item {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      width: 100%;
      padding: 0.25rem;
      border: 2px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small, 8px);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-small);
      text-align: left;
      cursor: pointer;
    }
    .picker__item img {
      width: 100%;
      aspect-ratio: 1;
      object-fit: cover;
    }
    .picker__item--chosen {
      border-color: var(--mat-sys-primary);
      outline: 2px solid var(--mat-sys-primary);
    }
    .picker__item:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .picker__name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .picker__kind {
      display: flex;
      align-items: center;
      justify-content: center;
      aspect-ratio: 1;
      background: var(--mat-sys-surface-container-high);
    }
    .picker__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class MediaPickerDialogComponent {
  private readonly api = inject(MediaApi);
  private readonly dialogRef = inject<MatDialogRef<MediaPickerDialogComponent, MediaView[]>>(MatDialogRef);
  protected readonly data = inject<MediaPickerData>(MAT_DIALOG_DATA);

  protected readonly items = signal<MediaView[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly chosen = signal<ReadonlyMap<string, MediaView>>(new Map());
  private query = '';

  constructor() {
    void this.load(0);
  }

  protected search(query: string): void {
    this.query = query.trim();
    void this.load(0);
  }

  protected more(): void {
    void this.load(this.items().length);
  }

  protected toggle(medium: MediaView): void {
    const next = new Map(this.chosen());
    if (next.has(medium.id)) next.delete(medium.id);
    else next.set(medium.id, medium);
    this.chosen.set(next);
  }

  protected confirm(): void {
    this.dialogRef.close([...this.chosen().values()]);
  }

  private async load(offset: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.api.list(this.data.organizationId, { q: this.query || undefined, limit: PAGE_SIZE, offset });
      this.items.set(offset === 0 ? page.items : [...this.items(), ...page.items]);
      this.total.set(page.total);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
