import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { JoinedOrganizationView, MyInvitationView } from '@kadens/shared/contracts';
import { InvitationsApi, SessionStore } from '@kadens/web/data-access';

/**
 * The invitations waiting for the logged-in person, shared by the shell's notice, the welcome page and
 * the invitation page. Accepting reads the session again, so the new organisation is there at once.
 */
@Injectable({ providedIn: 'root' })
export class MyInvitationsStore {
  private readonly api = inject(InvitationsApi);
  private readonly session = inject(SessionStore);
  private readonly state = signal<readonly MyInvitationView[]>([]);

  readonly invitations = this.state.asReadonly();

  /** Quietly keeps what it had when the API cannot be asked: the invitations are a notice, not the page. */
  async load(): Promise<void> {
    try {
      this.state.set(await this.api.listMine());
    } catch {
      // The next load tries again.
    }
  }

  async accept(invitation: MyInvitationView): Promise<JoinedOrganizationView> {
    const joined = await this.answer(invitation, () => this.api.acceptMine(invitation.id));
    await this.session.refresh();
    return joined;
  }

  decline(invitation: MyInvitationView): Promise<void> {
    return this.answer(invitation, () => this.api.declineMine(invitation.id));
  }

  /** Answered, or gone meanwhile (404): either way it no longer waits. Other failures keep it. */
  private async answer<T>(invitation: MyInvitationView, call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.forget(invitation);
      return result;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) this.forget(invitation);
      throw error;
    }
  }

  private forget(invitation: MyInvitationView): void {
    this.state.update((invitations) => invitations.filter((i) => i.id !== invitation.id));
  }
}
