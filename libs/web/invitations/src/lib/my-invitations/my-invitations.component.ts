import { LowerCasePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MyInvitationView } from '@kadens/shared/contracts';
import { describeApiError, organizationAreaLink } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { INVITATIONS_SCOPE } from '../i18n/invitations-scope';
import { MyInvitationsStore } from './my-invitations.store';

let nextId = 0;

/**
 * The invitations waiting for the logged-in person, each with accept and decline, asked for whenever it
 * appears. As a card (the welcome and invitation pages) or a banner (the shell's notice, nothing when
 * none wait); accepting opens the organisation just joined.
 */
@Component({
  selector: 'kd-my-invitations',
  imports: [LowerCasePipe, MatButtonModule, TranslocoPipe],
  providers: [provideTranslocoScope(INVITATIONS_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-invitations.component.html',
  styleUrl: './my-invitations.component.scss',
})
export class MyInvitationsComponent implements OnInit {
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(MyInvitationsStore);

  readonly variant = input<'card' | 'banner'>('card');
  /** Say "none" rather than show nothing when no invitation waits. */
  readonly showEmpty = input(false);

  protected readonly headingId = `my-invitations-${nextId++}`;
  protected readonly answering = signal<string | null>(null);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly language = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly dateFormat = computed(() => new Intl.DateTimeFormat(this.language(), { dateStyle: 'long' }));

  ngOnInit(): void {
    void this.store.load();
  }

  protected expiry(invitation: MyInvitationView): string {
    return this.dateFormat().format(new Date(invitation.expiresAt));
  }

  protected async accept(invitation: MyInvitationView): Promise<void> {
    if (this.answering()) return;
    this.answering.set(invitation.id);
    try {
      const joined = await this.store.accept(invitation);
      this.notifier.announce('invitations.mine.joined', { organization: joined.organizationName });
      await this.router.navigate(organizationAreaLink(joined.organizationId));
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.answering.set(null);
    }
  }

  protected async decline(invitation: MyInvitationView): Promise<void> {
    if (this.answering()) return;
    this.answering.set(invitation.id);
    try {
      await this.store.decline(invitation);
      this.notifier.announce('invitations.mine.declined', { organization: invitation.organizationName });
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.answering.set(null);
      this.keepFocus();
    }
  }

  /** The button pressed is gone: focus goes to the list's heading, or to the page when the list went too. */
  private keepFocus(): void {
    queueMicrotask(() => {
      const target = this.heading()?.nativeElement ?? document.getElementById('main-content');
      target?.focus();
    });
  }
}
