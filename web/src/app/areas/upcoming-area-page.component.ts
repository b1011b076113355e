import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationArea } from '@kadens/web/data-access';

type UpcomingArea = Exclude<OrganizationArea, 'settings'>;

/**
 * Stands in for an area that is not built yet: says plainly what it will do, and shows no made-up data.
 * The route passes the area in its `data`.
 */
@Component({
  selector: 'kd-upcoming-area-page',
  imports: [MatCardModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1 class="page-header__title">{{ 'nav.' + area() | transloco }}</h1>
    </header>
    <mat-card appearance="outlined" class="upcoming" [attr.data-testid]="'upcoming-' + area()">
      <mat-card-content>
        <p class="upcoming__badge">{{ 'upcoming.badge' | transloco }}</p>
        <p class="upcoming__description">{{ 'upcoming.' + area() | transloco }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .upcoming {
      max-width: 40rem;
    }
    .upcoming__badge {
      display: inline-block;
      margin: 0 0 0.75rem;
      padding: 0.125rem 0.75rem;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .upcoming__description {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class UpcomingAreaPageComponent {
  readonly area = input.required<UpcomingArea>();
}
