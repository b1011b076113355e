import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { ChannelConnectionView, ConnectionChoicesView } from '@kadens/shared/contracts';
import { PLATFORM_NAMES } from '@kadens/web/ui';

import { ConnectionChoiceApi } from './connection-choice.api';

/** What went wrong, as a key under `connectionChoice.problems`. */
export type ConnectionChoiceProblem = 'expired' | 'used' | 'not_found' | 'refused' | 'failed';

export function problemOf(error: unknown): ConnectionChoiceProblem {
  if (!(error instanceof HttpErrorResponse)) return 'failed';
  const code = (error.error as { code?: unknown } | null)?.code;
  if (code === 'connection_choice_expired') return 'expired';
  if (code === 'connection_choice_used') return 'used';
  if (code === 'account_unreadable') return 'refused';
  if (error.status === 404) return 'not_found';
  return 'failed';
}

let nextId = 0;

/**
 * After signing in with Facebook, Instagram or LinkedIn the person manages several accounts (pages,
 * Instagram accounts, organisations): this lists them as a radio group and connects the channel to the
 * picked one. `chosen` gives the stored connection. The sign-in is good for 10 minutes and once.
 */
@Component({
  selector: 'kd-connection-choice',
  imports: [FormsModule, MatButtonModule, MatRadioModule, TranslocoPipe],
  providers: [provideTranslocoScope({ scope: 'connection-choice', alias: 'connectionChoice' })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './connection-choice.component.html',
  styleUrl: './connection-choice.component.scss',
})
export class ConnectionChoiceComponent {
  private readonly api = inject(ConnectionChoiceApi);

  readonly organizationId = input.required<string>();
  readonly channelId = input.required<string>();
  readonly signInId = input.required<string>();
  readonly chosen = output<ChannelConnectionView>();

  protected readonly headingId = `kd-connection-choice-${nextId++}`;
  protected readonly view = signal<ConnectionChoicesView | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ConnectionChoiceProblem | null>(null);
  protected readonly selected = signal<string | null>(null);
  protected readonly platformNames = PLATFORM_NAMES;

  constructor() {
    effect(() => {
      const [organizationId, channelId, signInId] = [this.organizationId(), this.channelId(), this.signInId()];
      untracked(() => void this.load(organizationId, channelId, signInId));
    });
  }

  protected async submit(): Promise<void> {
    const choiceId = this.selected();
    if (choiceId === null || this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      this.chosen.emit(await this.api.choose(this.organizationId(), this.channelId(), this.signInId(), choiceId));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.saving.set(false);
    }
  }

  private async load(organizationId: string, channelId: string, signInId: string): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    this.selected.set(null);
    try {
      const view = await this.api.choices(organizationId, channelId, signInId);
      this.view.set(view);
      if (view.choices.length === 1) this.selected.set(view.choices[0]?.id ?? null);
    } catch (error) {
      this.view.set(null);
      this.problem.set(problemOf(error));
    } finally {
      this.loading.set(false);
    }
  }
}
