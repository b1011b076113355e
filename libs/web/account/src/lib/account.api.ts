import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccountSessionView, ChangePasswordRequest, PasswordResetConfirmRequest } from '@kadens/shared/contracts';
import { API_PATHS } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

/** The account endpoints: one's own password and sessions, and the password reset for people logged out. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return firstValueFrom(this.http.put<void>(API_PATHS.myPassword, request));
  }

  sessions(): Promise<AccountSessionView[]> {
    return firstValueFrom(this.http.get<AccountSessionView[]>(API_PATHS.mySessions));
  }

  endSession(sessionId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(API_PATHS.mySession(sessionId)));
  }

  logOutEverywhere(): Promise<void> {
    return firstValueFrom(this.http.post<void>(API_PATHS.logoutEverywhere, null));
  }

  requestPasswordReset(email: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(API_PATHS.passwordReset, { email }));
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>(API_PATHS.passwordResetConfirm, request));
  }
}
