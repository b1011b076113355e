import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { CHANNEL_STATUSES, type ChannelStatus, type ChannelView, type Platform, PLATFORMS } from '@kadens/shared/contracts';

import { type SavedMessage, STRATEGY_FORM_IMPORTS, StrategyForm } from '../shared/strategy-form';
import { PlatformMarkComponent } from './platform-mark.component';

/** Creates a channel, or edits the one given (its platform then stays); says `done` when saved or cancelled. */
@Component({
  selector: 'kd-channel-form',
  imports: [STRATEGY_FORM_IMPORTS, MatSelectModule, PlatformMarkComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class ChannelFormComponent extends StrategyForm<ChannelView> {
  private readonly platformSelect = viewChild.required<MatSelect>('platformSelect');
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  readonly channel = input<ChannelView | null>(null);
  protected readonly item = this.channel;

  protected readonly platforms = PLATFORMS;
  protected readonly statuses = CHANNEL_STATUSES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    platform: [null as Platform | null, [Validators.required]],
    name: ['', [Validators.required, Validators.maxLength(80)]],
    handle: ['', [Validators.maxLength(200)]],
    responsibleUserId: [null as string | null],
    publicDescription: ['', [Validators.maxLength(1000)]],
    status: ['active' as ChannelStatus, [Validators.required]],
  });

  protected fill(channel: ChannelView): void {
    const { platform, name, handle, responsibleUserId, publicDescription, status } = channel;
    this.form.reset({ platform, name, handle, responsibleUserId, publicDescription, status });
    this.form.controls.platform.disable();
  }

  /** The platform of an existing channel is fixed, so editing starts at the name. */
  protected focusFirstField(): void {
    if (this.channel()) this.nameInput().nativeElement.focus();
    else this.platformSelect().focus();
  }

  protected async persist(): Promise<SavedMessage> {
    const { platform, ...fields } = this.form.getRawValue();
    // Required, so a valid form has one.
    if (!platform) throw new Error('A channel needs a platform');
    const saved = await this.store.saveChannel(this.channel()?.id ?? null, { platform, ...fields });
    return { key: 'strategy.channels.saved', params: { name: saved.name } };
  }
}
