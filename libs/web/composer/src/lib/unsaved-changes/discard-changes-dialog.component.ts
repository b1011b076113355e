import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';

import { PLANNING_SCOPE } from '@kadens/web/data-access';

/** "Discard changes?" before an unsaved post is thrown away; closes with `true` only to discard. */
@Component({
  selector: 'kd-discard-changes-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  providers: [provideTranslocoScope(PLANNING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'planning.composer.discardTitle' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'planning.composer.discardMessage' | transloco }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="true" data-testid="composer-discard">
        {{ 'planning.composer.discard' | transloco }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="false" cdkFocusInitial data-testid="composer-keep-editing">
        {{ 'planning.composer.keepEditing' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
})
export class DiscardChangesDialogComponent {}
