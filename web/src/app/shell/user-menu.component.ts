import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
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
    .user-menu__initials {
      min-width: 40px;
      width: 40px;
      height: 40px;
      padding: 0;
      border-radius: 50%;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font: var(--mat-sys-label-large);
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
      [class.user-menu__initials]="compact()"
      [matMenuTriggerFor]="menu"
      data-testid="user-menu"
      [attr.aria-label]="'shell.userMenu' | transloco: { name: user().name }"
    >
      {{ compact() ? initials() : user().name }}
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
  /** On a phone the button shows the person's initials, not the whole name. */
  readonly compact = input(false);
  readonly logout = output<void>();
  protected readonly initials = computed(() => initialsOf(this.user().name));
  protected readonly account = accountLink();
}

/** The first letters of the first and last word of a name: "Eddie Editor" → "EE". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (Array.from(first)[0] ?? '').concat(Array.from(last)[0] ?? '').toLocaleUpperCase() || '?';
}
