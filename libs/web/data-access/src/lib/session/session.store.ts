import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  type LoginRequest,
  type MeView,
  type NoSessionView,
  SESSION_CHECK_HEADER,
  type UpdateMeRequest,
  type UserView,
} from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api/api-paths';

/**
 * Who is logged in and where they belong. The session cookie is httpOnly, so the only way to know is to
 * ask `GET /api/me` (as a check, answered 200 `{authenticated: false}` without a session); `null` means
 * "not logged in".
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly state = signal<MeView | null>(null);
  private firstLoad: Promise<MeView | null> | null = null;

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly memberships = computed(() => this.state()?.memberships ?? []);
  readonly isLoggedIn = computed(() => this.state() !== null);
  /** Whether the installation lets this person create organisations (ORGANIZATION_CREATORS). */
  readonly mayCreateOrganizations = computed(() => this.state()?.installation?.mayCreateOrganizations ?? false);
  /** One of the installation's operators (OPERATOR_EMAILS). */
  readonly isOperator = computed(() => this.state()?.installation?.operator ?? false);
  /** The largest image and video the media library takes (null until known). */
  readonly mediaLimits = computed(() => this.state()?.mediaLimits ?? null);

  /**
   * Asks the API once per page load; later calls share the answer. When the API cannot be reached the
   * user is treated as logged out (the login form then reports what is wrong) and the next call asks again.
   */
  async ensureLoaded(): Promise<MeView | null> {
    this.firstLoad ??= this.refresh().catch(() => {
      this.firstLoad = null;
      return null;
    });
    await this.firstLoad;
    // The state, not the first answer: a login or logout since then has changed it.
    return this.state();
  }

  /** Reads the session again, e.g. after joining or creating an organisation. */
  async refresh(): Promise<MeView | null> {
    try {
      // Asked as a check: without a session the API answers 200 {authenticated: false}, not a 401 the console would show.
      const answer = await firstValueFrom(
        this.http.get<MeView | NoSessionView | null>(API_PATHS.me, { headers: { [SESSION_CHECK_HEADER]: 'optional' } }),
      );
      const session = answer && 'user' in answer ? answer : null;
      this.state.set(session);
      return session;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.state.set(null);
        return null;
      }
      throw error;
    }
  }

  /** Logs in and loads the memberships, which the login answer does not carry. */
  async login(credentials: LoginRequest): Promise<MeView> {
    await firstValueFrom(this.http.post<UserView>(API_PATHS.login, credentials));
    const session = await this.refresh();
    if (!session) {
      throw new Error('The API accepted the login but does not recognise the session.');
    }
    return session;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(API_PATHS.logout, null));
    } finally {
      this.forget();
    }
  }

  async updateMe(changes: UpdateMeRequest): Promise<MeView> {
    const session = await firstValueFrom(this.http.patch<MeView>(API_PATHS.me, changes));
    this.state.set(session);
    return session;
  }

  /** Applies a change locally before the server confirms it, so the screen answers at once. */
  patchUser(changes: Partial<UserView>): void {
    this.state.update((session) => (session ? { ...session, user: { ...session.user, ...changes } } : session));
  }

  /** Drops the session without asking the server, e.g. when the server said it has ended. */
  forget(): void {
    this.state.set(null);
  }
}
