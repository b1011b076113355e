import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { CalendarQuery } from '@kadens/shared/contracts';
import type { PlanningCatalog } from '@kadens/web/data-access';

import { EXCHANGE_SCOPE, ExchangeApi } from './exchange.api';
import { type ImportWizardData, ImportWizardDialogComponent } from './import-wizard-dialog.component';
import { type SubscribeDialogData, SubscribeDialogComponent } from './subscribe-dialog.component';

/** The calendar's ways out and in: subscribe in a calendar app, import a CSV (editors), export what is shown. */
@Component({
  selector: 'kd-calendar-exchange',
  imports: [MatButtonModule, TranslocoPipe],
  providers: [provideTranslocoScope(EXCHANGE_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="calendar-exchange" role="group" [attr.aria-label]="'exchange.toolbarLabel' | transloco">
      <button mat-stroked-button type="button" (click)="subscribe()" data-testid="calendar-subscribe">
        {{ 'exchange.subscribe.open' | transloco }}
      </button>
      @if (canEdit()) {
        <button mat-stroked-button type="button" (click)="import()" data-testid="calendar-import">
          {{ 'exchange.import.open' | transloco }}
        </button>
      }
      @if (exportUrl(); as url) {
        <a mat-stroked-button [href]="url" download data-testid="calendar-export">{{ 'exchange.export.open' | transloco }}</a>
      }
    </div>
  `,
  styles: `
    .calendar-exchange {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class CalendarExchangeComponent {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(ExchangeApi);

  readonly catalog = input.required<PlanningCatalog>();
  readonly canEdit = input(false);
  /** The calendar's current range and filters: what an export holds. */
  readonly query = input<CalendarQuery | null>(null);
  /** After an import that made drafts: the calendar loads again. */
  readonly imported = output<void>();

  protected readonly exportUrl = computed(() => {
    const query = this.query();
    return query ? this.api.exportUrl(this.catalog().organizationId, query) : null;
  });

  protected subscribe(): void {
    const query = this.query();
    const data: SubscribeDialogData = {
      organizationId: this.catalog().organizationId,
      channelIds: query?.channelIds ?? [],
      themeIds: query?.themeIds ?? [],
    };
    this.dialog.open(SubscribeDialogComponent, { data, width: '40rem', maxWidth: '100vw', autoFocus: 'first-heading' });
  }

  protected import(): void {
    const catalog = this.catalog();
    const data: ImportWizardData = {
      organizationId: catalog.organizationId,
      context: { channels: catalog.channels, timeZone: catalog.timeZone },
    };
    this.dialog
      .open<ImportWizardDialogComponent, ImportWizardData, boolean>(ImportWizardDialogComponent, {
        data,
        width: '64rem',
        maxWidth: '100vw',
        autoFocus: 'first-heading',
      })
      .afterClosed()
      .subscribe((imported) => {
        // Closed after an import (or with Escape after one): the calendar shows the new drafts.
        if (imported !== false) this.imported.emit();
      });
  }
}
