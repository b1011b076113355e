import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { type ChannelConnectionView, type ChannelView, connectionFieldsOf, type ConnectionTestResult } from '@kadens/shared/contracts';
import { ActiveOrganization, describeApiError } from '@kadens/web/data-access';
import { applyServerFieldErrors, Confirmation, FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { ChannelConnectionsStore } from './channel-connections.store';
import { connectionProblem, testAdvice, testOutcome } from './connection-advice';
import { buildConnectionForm, type ConnectionForm, connectionControlPaths, connectionRequestOf } from './connection-form';
import { ConnectionExpiryComponent } from './connection-expiry.component';
import { ConnectionSignInComponent } from './connection-sign-in.component';
import { ConnectionStatusComponent } from './connection-status.component';
import { signInOf } from './sign-in';

/**
 * Connects a channel to its platform (admins only): the address, the settings and the credentials the
 * platform takes, a blank credential keeping the stored one; then "test connection", which says what
 * the platform answered and what to do about a refusal. Opens in place of the channel; says `done`
 * when closed. Stays open after saving, so the connection can be tested straight away.
 */
@Component({
  selector: 'kd-channel-connection-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    NgTemplateOutlet,
    FieldErrorComponent,
    ConnectionStatusComponent,
    ConnectionExpiryComponent,
    ConnectionSignInComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-connection-editor.component.html',
  styleUrls: ['../../shared/strategy-form.scss', './channel-connection-editor.component.scss'],
})
export class ChannelConnectionEditorComponent {
  private readonly connections = inject(ChannelConnectionsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly confirmation = inject(Confirmation);
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  readonly channel = input.required<ChannelView>();
  readonly done = output<void>();

  protected readonly fields = computed(() => connectionFieldsOf(this.channel().platform));
  /** Connected by signing in with the platform; the credentials form is then "advanced". */
  protected readonly signsIn = computed(() => signInOf(this.channel().platform) !== null);
  protected readonly loaded = computed(() => this.connections.byChannel().has(this.channel().id));
  protected readonly stored = computed(() => this.connections.byChannel().get(this.channel().id) ?? null);
  /** Built from the stored connection once it is in, and again after each save or removal. */
  protected readonly form = signal<ConnectionForm | null>(null);

  protected readonly saving = signal(false);
  protected readonly removing = signal(false);
  protected readonly testing = signal(false);
  protected readonly result = signal<ConnectionTestResult | null>(null);
  protected readonly advice = computed(() => {
    const result = this.result();
    return result ? { ...testAdvice(result), ok: testOutcome(result) === 'ok', details: result.error?.message ?? null } : null;
  });

  constructor() {
    afterNextRender(() => this.title().nativeElement.focus());
    // The connection may arrive after the editor opened.
    effect(() => {
      if (this.loaded() && untracked(this.form) === null) untracked(() => this.rebuild(this.stored()));
    });
  }

  protected isStored(name: string): boolean {
    return this.stored()?.credentialNames.includes(name) ?? false;
  }

  /** Saves the form; resolves to whether it was saved. */
  protected async save(): Promise<boolean> {
    const form = this.form();
    const organizationId = this.activeOrganization.organizationId();
    if (!form || !organizationId || this.saving()) return false;
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    this.saving.set(true);
    try {
      const saved = await this.connections.save(organizationId, this.channel().id, connectionRequestOf(form));
      this.rebuild(saved);
      this.result.set(null);
      this.notifier.announce('strategy.connection.saved', { name: this.channel().name });
      return true;
    } catch (error) {
      this.showFailure(form, error);
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  /** Tests what is stored; unsaved changes are saved first, so what is tested is what the form shows. */
  protected async test(): Promise<void> {
    const form = this.form();
    const organizationId = this.activeOrganization.organizationId();
    if (!form || !organizationId || this.testing()) return;
    if ((form.dirty || !this.stored()) && !(await this.save())) return;
    this.testing.set(true);
    this.result.set(null);
    try {
      this.result.set(await this.connections.test(organizationId, this.channel().id));
    } catch (error) {
      this.notifier.report(connectionProblem(error) ?? describeApiError(error));
    } finally {
      this.testing.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    const params = { name: this.channel().name };
    if (!organizationId || this.removing()) return;
    const words = this.signsIn()
      ? { titleKey: 'connect.disconnectTitle', messageKey: 'connect.disconnectMessage', confirmKey: 'connect.disconnect' }
      : {
          titleKey: 'strategy.connection.removeTitle',
          messageKey: 'strategy.connection.removeMessage',
          confirmKey: 'strategy.connection.remove',
        };
    const confirmed = await this.confirmation.ask({ ...words, params });
    if (!confirmed) return;
    this.removing.set(true);
    try {
      await this.connections.remove(organizationId, this.channel().id);
      this.rebuild(null);
      this.result.set(null);
      this.notifier.announce(this.signsIn() ? 'connect.disconnected' : 'strategy.connection.removed', params);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.removing.set(false);
    }
  }

  private rebuild(from: ChannelConnectionView | null): void {
    this.form.set(buildConnectionForm(this.channel().platform, from));
  }

  private showFailure(form: ConnectionForm, error: unknown): void {
    const problem = describeApiError(error);
    if (problem.status === 400 && problem.fieldErrors.length > 0) {
      if (applyServerFieldErrors(form, problem.fieldErrors, connectionControlPaths(this.channel().platform)).length === 0) return;
    }
    this.notifier.report(connectionProblem(error) ?? problem);
  }
}
