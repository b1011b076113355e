import { signal } from '@angular/core';
import type { MediaApi } from '@kadens/web/data-access';
import type { Subscription } from 'rxjs';

export interface LibraryUpload {
  key: number;
  fileName: string;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** The API's code or words, when it refused the file. */
  reason: string | null;
}

/** The API's upload codes that `media.uploadErrors.` explains. */
const KNOWN_REASONS = ['file_too_large', 'unsupported_media_type', 'unreadable_media', 'malformed_body', 'network'];

let nextKey = 0;

/** The library page's uploads, each with its progress; the page reloads when one is stored. */
export class LibraryUploads {
  readonly list = signal<LibraryUpload[]>([]);
  private readonly running = new Map<number, Subscription>();
  private readonly files = new Map<number, { organizationId: string; file: File }>();

  constructor(
    private readonly api: MediaApi,
    private readonly stored: () => void,
  ) {}

  add(organizationId: string, files: readonly File[]): void {
    for (const file of files) {
      const key = ++nextKey;
      this.files.set(key, { organizationId, file });
      this.list.update((list) => [...list, { key, fileName: file.name, progress: 0, state: 'uploading', reason: null }]);
      this.start(key);
    }
  }

  retry(key: number): void {
    this.patch(key, { state: 'uploading', progress: 0, reason: null });
    this.start(key);
  }

  dismiss(key: number): void {
    this.running.get(key)?.unsubscribe();
    this.running.delete(key);
    this.files.delete(key);
    this.list.update((list) => list.filter((upload) => upload.key !== key));
  }

  cancelAll(): void {
    this.running.forEach((upload) => upload.unsubscribe());
  }

  private start(key: number): void {
    const entry = this.files.get(key);
    if (!entry) return;
    const { organizationId, file } = entry;
    this.running.set(
      key,
      this.api.upload(organizationId, file, file.name).subscribe({
        next: (event) => {
          if (event.kind === 'progress') {
            this.patch(key, { progress: event.percent });
          } else {
            this.patch(key, { state: 'done', progress: 100 });
            this.files.delete(key);
            this.stored();
          }
        },
        error: (error: { status?: number; error?: { code?: string } }) => {
          const code = error?.status === 0 ? 'network' : (error?.error?.code ?? '');
          this.patch(key, { state: 'failed', reason: KNOWN_REASONS.includes(code) ? code : 'unknown' });
        },
      }),
    );
  }

  private patch(key: number, changes: Partial<LibraryUpload>): void {
    this.list.update((list) => list.map((upload) => (upload.key === key ? { ...upload, ...changes } : upload)));
  }
}
