import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChildren } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView, MediaView } from '@kadens/shared/contracts';
import { MEDIA_SCOPE } from '@kadens/web/data-access';

import { ComposerMedia } from './composer-media';
import { altTextProblem, type Attachment } from './media-attachments';
import { MediaPickerDialogComponent, type MediaPickerData } from './media-picker-dialog.component';

/** What the file picker offers; the API tells the type from the content either way. */
export const MEDIA_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime';

/**
 * The composer's pictures and video: choose or drop files (each uploads with its own progress), write
 * each image's text alternative, put them in order, remove them, or reuse media from the library.
 */
@Component({
  selector: 'kd-composer-media',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe],
  providers: [provideTranslocoScope(MEDIA_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './composer-media.component.html',
  styleUrl: './composer-media.component.scss',
})
export class ComposerMediaComponent {
  private readonly dialog = inject(MatDialog);
  protected readonly state = inject(ComposerMedia);

  readonly organizationId = input.required<string>();
  readonly channels = input<readonly ChannelView[]>([]);
  readonly readonly = input(false);

  protected readonly accept = MEDIA_ACCEPT;
  protected readonly dragging = signal(false);
  protected readonly problems = computed(() =>
    this.state.apiProblems().map((problem) => ({
      ...problem,
      channel: this.channels().find((channel) => channel.id === problem.channelId)?.name ?? null,
      fileName: problem.index === null ? null : (this.state.attachments()[problem.index]?.fileName ?? null),
    })),
  );
  private readonly altFields = viewChildren<ElementRef<HTMLTextAreaElement>>('altField');

  protected altProblem(attachment: Attachment) {
    return altTextProblem(attachment);
  }

  protected filesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files) this.state.addFiles([...input.files]);
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    if (this.readonly() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    this.dragging.set(false);
    if (this.readonly()) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.state.addFiles(files);
  }

  protected altTextTyped(attachment: Attachment, event: Event): void {
    this.state.setAltText(attachment.key, (event.target as HTMLTextAreaElement).value);
  }

  /** Moves a medium and keeps the focus on the button that was used (it moved with its medium). */
  protected move(attachment: Attachment, delta: -1 | 1, testId: string): void {
    this.state.move(attachment.key, delta);
    setTimeout(() => {
      const item = document.querySelector<HTMLElement>(`[data-medium-key="${attachment.key}"]`);
      const same = item?.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
      (same && !same.disabled ? same : item)?.focus();
    });
  }

  /** Removes a medium; the focus goes to the section's heading so it is not lost. */
  protected remove(attachment: Attachment, heading: HTMLElement): void {
    this.state.remove(attachment.key);
    heading.focus();
  }

  /** Puts the focus on the first image that still needs its text alternative (after a refused submit). */
  focusFirstMissingAltText(): void {
    const missing = this.state.missingAltTexts()[0];
    if (!missing) return;
    const field = this.altFields().find((ref) => ref.nativeElement.dataset['mediumKey'] === missing.key);
    field?.nativeElement.focus();
  }

  protected async openLibrary(): Promise<void> {
    const reference = this.dialog.open<MediaPickerDialogComponent, MediaPickerData, MediaView[]>(MediaPickerDialogComponent, {
      data: { organizationId: this.organizationId(), attachedIds: this.state.mediaIds() },
      width: '48rem',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const chosen = await new Promise<MediaView[] | undefined>((resolve) => reference.afterClosed().subscribe(resolve));
    if (chosen?.length) this.state.addFromLibrary(chosen);
  }
}
