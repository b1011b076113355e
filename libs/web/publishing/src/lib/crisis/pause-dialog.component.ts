import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { ChannelView, OrganizationId, PublishingStatus } from '@kadens/shared/contracts';
import { ChannelsApi, PublishingApi } from '@kadens/web/data-access';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { PUBLISHING_DIALOG_STYLES } from '../shared/publishing-dialog-styles';
import { PUBLISHING_DIALOG_IMPORTS, PublishingFormDialog } from '../shared/publishing-form-dialog';
import { describePublishingProblem } from '../shared/publishing-problem';

export interface PauseDialogData {
  organizationId: OrganizationId;
  /** The channel to offer first; absent for the whole organisation. */
  channelId?: string | null;
  status: PublishingStatus | null;
}

/** What was paused: the channel's name, or null for the whole organisation. */
export interface PauseDialogResult {
  channelName: string | null;
}

/** The value of the scope field that means "all publishing". */
const WHOLE_ORGANIZATION = '';
const REASON_MAX_LENGTH = 500;

/** A reason of spaces is no reason: say what is missing in words, not "Required". */
function reasonGiven(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { [TRANSLATED_ERROR_KEY]: 'publishing.pause.reasonRequired' };
}

/**
 * The crisis switch (admins): pause all publishing, or one channel, with a reason everyone sees in
 * the banner. The dialog sends the pause itself, so a refused reason shows beside its field.
 */
@Component({
  selector: 'kd-pause-dialog',
  imports: [...PUBLISHING_DIALOG_IMPORTS, MatSelectModule],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="pause()" novalidate data-testid="pause-dialog">
      <h2 mat-dialog-title>{{ 'publishing.pause.title' | transloco }}</h2>
      @if (saving() || loadingChannels()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      <mat-dialog-content class="dialog">
        <p class="dialog__intro">{{ 'publishing.pause.intro' | transloco }}</p>
        <mat-form-field>
          <mat-label>{{ 'publishing.pause.scope' | transloco }}</mat-label>
          <mat-select formControlName="scope" data-testid="pause-scope">
            <mat-option [value]="wholeOrganization" [disabled]="organizationPaused()" data-testid="pause-scope-organization">
              {{ (organizationPaused() ? 'publishing.pause.scopeOrganizationPaused' : 'publishing.pause.scopeOrganization') | transloco }}
            </mat-option>
            @for (channel of channels(); track channel.id) {
              <mat-option
                [value]="channel.id"
                [disabled]="pausedChannelIds().has(channel.id)"
                [attr.data-testid]="'pause-scope-' + channel.id"
              >
                {{
                  pausedChannelIds().has(channel.id)
                    ? ('publishing.pause.scopeChannelPaused' | transloco: { channel: channel.name })
                    : channel.name
                }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'publishing.pause.reason' | transloco }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" required [maxlength]="reasonMaxLength" data-testid="pause-reason"></textarea>
          <mat-hint>{{ 'publishing.pause.reasonHint' | transloco }}</mat-hint>
          <mat-error data-testid="pause-reason-error"><kd-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
        @if (problem(); as problem) {
          <kd-publishing-problem [problem]="problem" data-testid="pause-problem" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="pause-cancel">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" class="pause__confirm" [disabled]="saving()" data-testid="pause-confirm">
          {{ (saving() ? 'publishing.pause.pausing' : 'publishing.pause.confirm') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: [
    PUBLISHING_DIALOG_STYLES,
    `
      .pause__confirm {
        --mat-button-filled-container-color: var(--mat-sys-error);
        --mat-button-filled-label-text-color: var(--mat-sys-on-error);
      }
    `,
  ],
})
export class PauseDialogComponent extends PublishingFormDialog {
  private readonly data = inject<PauseDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PauseDialogComponent, PauseDialogResult>>(MatDialogRef);
  private readonly api = inject(PublishingApi);
  private readonly channelsApi = inject(ChannelsApi);

  protected readonly wholeOrganization = WHOLE_ORGANIZATION;
  protected readonly reasonMaxLength = REASON_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    scope: [this.data.channelId ?? WHOLE_ORGANIZATION],
    reason: ['', [Validators.maxLength(REASON_MAX_LENGTH), reasonGiven]],
  });
  protected readonly channels = signal<ChannelView[]>([]);
  protected readonly loadingChannels = signal(true);
  protected readonly organizationPaused = computed(() => this.data.status?.organization != null);
  protected readonly pausedChannelIds = computed(() => new Set(this.data.status?.channels.map((channel) => channel.channelId) ?? []));

  constructor() {
    super();
    void this.loadChannels();
  }

  protected async pause(): Promise<void> {
    if (this.saving() || !this.formReady()) return;
    const { scope, reason } = this.form.getRawValue();
    const channel = this.channels().find((candidate) => candidate.id === scope) ?? null;
    await this.send(async () => {
      if (channel) await this.api.pauseChannel(this.data.organizationId, channel.id, reason.trim());
      else await this.api.pause(this.data.organizationId, reason.trim());
      this.dialogRef.close({ channelName: channel?.name ?? null });
    });
  }

  private async loadChannels(): Promise<void> {
    try {
      const channels = await this.channelsApi.list(this.data.organizationId);
      const offered = channels.filter((channel) => channel.status === 'active' || channel.id === this.data.channelId);
      this.channels.set(offered);
      // With everything paused already, only a channel is left to pause.
      const scope = this.form.controls.scope;
      if (this.organizationPaused() && scope.value === WHOLE_ORGANIZATION) {
        const firstOpen = offered.find((channel) => !this.pausedChannelIds().has(channel.id));
        if (firstOpen) scope.setValue(firstOpen.id);
      }
    } catch (error) {
      // Pausing everything still works without the list; say why the channels are missing.
      this.problem.set(describePublishingProblem(error));
    } finally {
      this.loadingChannels.set(false);
    }
  }
}
