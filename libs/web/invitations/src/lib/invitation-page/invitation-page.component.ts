import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, type OnInit, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { INVITATION_VALID_DAYS, type InvitationPreview, type JoinedOrganizationView, type Locale } from '@kadens/shared/contracts';
import {
  type ApiProblem,
  describeApiError,
  homeLink,
  INVITATION_TOKEN_PARAM,
  InvitationsApi,
  LanguageService,
  loginLink,
  organizationAreaLink,
  RETURN_URL_PARAM,
  SessionStore,
} from '@kadens/web/data-access';
import { LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { MyInvitationsComponent } from '../my-invitations/my-invitations.component';
import { type AcceptRefusal, NewAccountFormComponent } from './new-account-form.component';

/** What the page shows; every state but loading has a heading that takes the focus. */
type InvitationPageState =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'failed'; problem: ApiProblem }
  | { kind: 'logIn'; preview: InvitationPreview; createdMeanwhile: boolean }
  | { kind: 'otherAccount'; preview: InvitationPreview; currentEmail: string }
  | { kind: 'inApp' }
  | { kind: 'newAccount'; preview: InvitationPreview };

/**
 * Where the invitation e-mail's link leads. Someone new chooses a name and password and lands in the
 * organisation; someone with an account logs in and answers in the app; a link that no longer works
 * says so, and what to do next.
 */
@Component({
  selector: 'kd-invitation-page',
  imports: [
    LowerCasePipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    LanguagePickerComponent,
    MyInvitationsComponent,
    NewAccountFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invitation-page.component.html',
  styleUrl: './invitation-page.component.scss',
})
export class InvitationPageComponent implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get(INVITATION_TOKEN_PARAM) ?? '';
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');
  protected readonly language = inject(LanguageService);

  protected readonly state = signal<InvitationPageState>({ kind: 'loading' });
  protected readonly preview = computed(() => {
    const state = this.state();
    return 'preview' in state ? state.preview : null;
  });
  protected readonly problem = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.problem : null;
  });
  protected readonly createdMeanwhile = computed(() => {
    const state = this.state();
    return state.kind === 'logIn' && state.createdMeanwhile;
  });
  protected readonly currentEmail = computed(() => {
    const state = this.state();
    return state.kind === 'otherAccount' ? state.currentEmail : '';
  });
  protected readonly validDays = INVITATION_VALID_DAYS;
  protected readonly homeLink = homeLink();
  protected readonly tokenValue = this.token;

  ngOnInit(): void {
    void this.check();
  }

  /** The login page brings the person back here, where the invitation then waits in the app. */
  protected logIn(): void {
    void this.router.navigate(loginLink(), { queryParams: { [RETURN_URL_PARAM]: this.router.url } });
  }

  protected async logOut(preview: InvitationPreview): Promise<void> {
    await this.session.logout().catch(() => undefined);
    this.show(preview.accountExists ? { kind: 'logIn', preview, createdMeanwhile: false } : { kind: 'newAccount', preview });
  }

  protected async joined(joined: JoinedOrganizationView): Promise<void> {
    await this.session.refresh().catch(() => undefined);
    this.notifier.announce('invitations.mine.joined', { organization: joined.organizationName });
    await this.router.navigate(organizationAreaLink(joined.organizationId));
  }

  protected refused(refusal: AcceptRefusal, preview: InvitationPreview): void {
    this.show(
      refusal === 'invalid' ? { kind: 'invalid' } : { kind: 'logIn', preview: { ...preview, accountExists: true }, createdMeanwhile: true },
    );
  }

  protected chooseLanguage(locale: Locale): void {
    void this.language.choose(locale).catch(() => undefined);
  }

  protected async check(): Promise<void> {
    this.state.set({ kind: 'loading' });
    if (!this.token) return this.show({ kind: 'invalid' });
    const [session, preview] = await Promise.all([
      this.session.ensureLoaded(),
      this.api.lookup(this.token).catch((error: unknown) => describeApiError(error)),
    ]);
    if ('status' in preview) {
      return this.show(preview.status === 410 || preview.status === 400 ? { kind: 'invalid' } : { kind: 'failed', problem: preview });
    }
    if (session) {
      const currentEmail = session.user.email;
      return this.show(currentEmail === preview.email ? { kind: 'inApp' } : { kind: 'otherAccount', preview, currentEmail });
    }
    this.show(preview.accountExists ? { kind: 'logIn', preview, createdMeanwhile: false } : { kind: 'newAccount', preview });
  }

  private show(state: InvitationPageState): void {
    this.state.set(state);
    // Each state is a new page for a screen reader: its heading takes the focus once it is drawn.
    setTimeout(() => this.title()?.nativeElement.focus());
  }
}
