import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UserView } from '@kadens/shared/contracts';
import { accountLink } from '@kadens/web/data-access';

/** The logged-in user's name, opening a menu with who they are, their account page and a way to log out. */
@Component({
  selector: 'kd-user-menu',
  imports: [MatButtonModule, MatDividerModule, MatMenuModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .user-menu__identity {
      padding: 0.5rem 1rem;
      max-width: 18rem;
    }
    .user-menu__name {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .user-menu__email {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <button
      mat-button
      type="button"
      [matMenuTriggerFor]="menu"
      data-testid="user-menu"
      [attr.aria-label]="'shell.userMenu' | transloco: { name: user().name }"
    >
      {{ user().name }}
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="user-menu__identity">
        <p class="user-menu__name">{{ user().name }}</p>
        <p class="user-menu__email">{{ user().email }}</p>
      </div>
      <mat-divider />
      <a mat-menu-item [routerLink]="account" data-testid="account-link">{{ 'shell.account' | transloco }}</a>
      <button mat-menu-item type="button" (click)="logout.emit()" data-testid="logout">
        {{ 'shell.logout' | transloco }}
      </button>
    </mat-menu>
  `,
})
export class UserMenuComponent {
  readonly user = input.required<UserView>();
  readonly logout = output<void>();
  protected readonly account = accountLink();
}
