import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { IMPORT_MAX_BYTES, type ImportResult, type ImportRowView, type OrganizationId, type PlanCsvColumn } from '@kadens/shared/contracts';
import { describeApiError, LanguageService, PLANNING_SCOPE } from '@kadens/web/data-access';
import { intlLocale, type ViolationContext } from '@kadens/web/util';
import type { Subscription } from 'rxjs';

import { EXCHANGE_SCOPE, ExchangeApi } from './exchange.api';
import { IMPORT_FILE_ERRORS, wordIssue, type WordedIssue } from './import-issues';

export interface ImportWizardData {
  organizationId: OrganizationId;
  context: ViolationContext;
}

type Step = 'choose' | 'checking' | 'preview' | 'importing' | 'done';

/** Rows with problems are all shown; of the ready ones this many (the counts say the rest). */
const READY_ROWS_SHOWN = 100;

interface ShownRow {
  row: ImportRowView;
  when: string;
  problems: Array<WordedIssue & { column: PlanCsvColumn | null; warning: boolean }>;
  errorColumns: ReadonlySet<PlanCsvColumn | null>;
}

/** Import a plan from CSV: choose the file → preview with each row's problems → import the ready rows as drafts. Closes with `true` after an import. */
@Component({
  selector: 'kd-import-wizard-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule, TranslocoPipe],
  providers: [provideTranslocoScope(EXCHANGE_SCOPE, PLANNING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './exchange-dialogs.scss',
  templateUrl: './import-wizard-dialog.component.html',
})
export class ImportWizardDialogComponent {
  private readonly data = inject<ImportWizardData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ImportWizardDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(ExchangeApi);
  private readonly language = inject(LanguageService);
  private running: Subscription | null = null;

  protected readonly step = signal<Step>('choose');
  protected readonly file = signal<File | null>(null);
  protected readonly progress = signal(0);
  protected readonly preview = signal<ImportResult | null>(null);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly error = signal<{ key: string; params: Record<string, string | number> } | null>(null);
  protected readonly maxMegabytes = IMPORT_MAX_BYTES / 1024 / 1024;

  protected readonly shownRows = computed<ShownRow[]>(() => {
    const preview = this.preview();
    if (!preview) return [];
    const problems = preview.rows.filter((row) => row.status !== 'valid' || row.warnings.length > 0);
    const ready = preview.rows.filter((row) => row.status === 'valid' && row.warnings.length === 0).slice(0, READY_ROWS_SHOWN);
    return [...problems, ...ready].map((row) => this.shown(row));
  });
  protected readonly hiddenReady = computed(() => {
    const preview = this.preview();
    if (!preview) return 0;
    return Math.max(0, preview.rows.filter((row) => row.status === 'valid' && row.warnings.length === 0).length - READY_ROWS_SHOWN);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected chosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.error.set(null);
    if (file && file.size > IMPORT_MAX_BYTES) {
      this.error.set({ key: 'exchange.import.errors.body_too_large', params: {} });
      this.file.set(null);
      return;
    }
    this.file.set(file);
  }

  protected check(): void {
    this.run(true);
  }

  protected importRows(): void {
    this.run(false);
  }

  protected startOver(): void {
    this.preview.set(null);
    this.file.set(null);
    this.error.set(null);
    this.step.set('choose');
  }

  protected finish(): void {
    this.dialogRef.close(this.result() !== null && (this.result()?.imported ?? 0) > 0);
  }

  protected columnKey(column: PlanCsvColumn | null): string {
    return column ? `exchange.columns.${column}` : 'exchange.columns.row';
  }

  private run(dryRun: boolean): void {
    const file = this.file();
    if (!file) return;
    this.error.set(null);
    this.progress.set(0);
    this.step.set(dryRun ? 'checking' : 'importing');
    this.running?.unsubscribe();
    this.running = this.api.importPosts(this.data.organizationId, file, dryRun).subscribe({
      next: (event) => {
        if (event.kind === 'progress') this.progress.set(event.fraction);
        else if (dryRun) {
          this.preview.set(event.result);
          this.step.set('preview');
        } else {
          this.result.set(event.result);
          this.preview.set(event.result);
          this.step.set('done');
        }
      },
      error: (error: unknown) => {
        this.step.set(dryRun ? 'choose' : 'preview');
        this.error.set(this.fileError(error));
      },
    });
  }

  private fileError(error: unknown): { key: string; params: Record<string, string | number> } {
    const code = error instanceof HttpErrorResponse ? (error.error as { code?: string } | null)?.code : undefined;
    if (code && (IMPORT_FILE_ERRORS as readonly string[]).includes(code)) return { key: `exchange.import.errors.${code}`, params: {} };
    return { key: describeApiError(error).reasonKey, params: {} };
  }

  private shown(row: ImportRowView): ShownRow {
    const language = this.language.locale();
    const word = (warning: boolean) => (issue: ImportRowView['errors'][number]) => ({
      ...wordIssue(issue, this.data.context, language),
      column: issue.column,
      warning,
    });
    const when = row.plannedAt
      ? new Intl.DateTimeFormat(intlLocale(language), {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: this.data.context.timeZone,
        }).format(new Date(row.plannedAt))
      : '';
    return {
      row,
      when,
      problems: [...row.errors.map(word(false)), ...row.warnings.map(word(true))],
      errorColumns: new Set(row.errors.map((issue) => issue.column)),
    };
  }
}
