import { inject, Injectable, type Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { OrganizationId } from '@kadens/shared/contracts';
import { PublishingApi, PublishingStream } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { firstValueFrom } from 'rxjs';

import { describePublishingProblem } from '../shared/publishing-problem';
import { PauseDialogComponent, type PauseDialogData, type PauseDialogResult } from './pause-dialog.component';

/** A channel's pause, as the banner names it. */
export interface ChannelToResume {
  channelId: string;
  channelName: string;
}

/**
 * The crisis switch's two moves (admins): pause, through a dialog that asks why, and resume, after
 * a confirmation. Both read the status again at once; the stream tells every other member.
 */
@Injectable({ providedIn: 'root' })
export class PublishingPauses {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(PublishingApi);
  private readonly stream = inject(PublishingStream);
  private readonly confirmation = inject(Confirmation);
  private readonly notifier = inject(ProblemNotifier);

  /** Resolves true when something was paused. */
  async pause(organizationId: OrganizationId, injector: Injector, channelId: string | null = null): Promise<boolean> {
    const reference = this.dialog.open<PauseDialogComponent, PauseDialogData, PauseDialogResult>(PauseDialogComponent, {
      data: { organizationId, channelId, status: this.stream.status() },
      injector,
      width: '34rem',
      maxWidth: '100vw',
      autoFocus: 'first-tabbable',
    });
    const result = await firstValueFrom(reference.afterClosed());
    if (!result) return false;
    await this.stream.refreshStatus();
    if (result.channelName) this.notifier.announce('publishing.pause.pausedChannel', { channel: result.channelName });
    else this.notifier.announce('publishing.pause.paused');
    return true;
  }

  /** Resumes the organisation (no channel) or one channel; resolves true when it was resumed. */
  async resume(organizationId: OrganizationId, channel: ChannelToResume | null = null): Promise<boolean> {
    const confirmed = await this.confirmation.ask({
      titleKey: channel ? 'publishing.pause.resumeChannelTitle' : 'publishing.pause.resumeTitle',
      messageKey: 'publishing.pause.resumeMessage',
      confirmKey: 'publishing.pause.resumeConfirm',
      params: channel ? { channel: channel.channelName } : {},
    });
    if (!confirmed) return false;
    try {
      if (channel) await this.api.resumeChannel(organizationId, channel.channelId);
      else await this.api.resume(organizationId);
    } catch (error) {
      const problem = describePublishingProblem(error);
      this.notifier.report({ reasonKey: problem.reasonKey, actionKey: problem.actionKey });
      await this.stream.refreshStatus();
      return false;
    }
    await this.stream.refreshStatus();
    if (channel) this.notifier.announce('publishing.pause.resumedChannel', { channel: channel.channelName });
    else this.notifier.announce('publishing.pause.resumed');
    return true;
  }
}
