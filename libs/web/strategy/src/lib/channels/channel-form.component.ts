import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  input,
  type OnInit,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CHANNEL_STATUSES, type ChannelStatus, type ChannelView, type Platform, PLATFORMS } from '@kadens/shared/contracts';
import { FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { showSaveFailure } from '../shared/save-failure';
import { StrategyStore } from '../state/strategy.store';
import { PlatformMarkComponent } from './platform-mark.component';

/** Creates a channel, or edits the one given (its platform then stays); says `done` when saved or cancelled. */
@Component({
  selector: 'kd-channel-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
    PlatformMarkComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class ChannelFormComponent implements OnInit {
  private readonly notifier = inject(ProblemNotifier);
  private readonly platformSelect = viewChild.required<MatSelect>('platformSelect');
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');
  protected readonly store = inject(StrategyStore);

  readonly channel = input<ChannelView | null>(null);
  readonly done = output<void>();

  protected readonly platforms = PLATFORMS;
  protected readonly statuses = CHANNEL_STATUSES;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    platform: [null as Platform | null, [Validators.required]],
    name: ['', [Validators.required, Validators.maxLength(80)]],
    handle: ['', [Validators.maxLength(200)]],
    responsibleUserId: [null as string | null],
    publicDescription: ['', [Validators.maxLength(1000)]],
    status: ['active' as ChannelStatus, [Validators.required]],
  });

  constructor() {
    // The platform of an existing channel is fixed, so editing starts at the name.
    afterNextRender(() => (this.channel() ? this.nameInput().nativeElement.focus() : this.platformSelect().focus()));
  }

  ngOnInit(): void {
    const channel = this.channel();
    if (!channel) return;
    const { platform, name, handle, responsibleUserId, publicDescription, status } = channel;
    this.form.reset({ platform, name, handle, responsibleUserId, publicDescription, status });
    this.form.controls.platform.disable();
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { platform, ...fields } = this.form.getRawValue();
    if (!platform) return;
    this.saving.set(true);
    try {
      const saved = await this.store.saveChannel(this.channel()?.id ?? null, { platform, ...fields });
      this.notifier.announce('strategy.channels.saved', { name: saved.name });
      this.done.emit();
    } catch (error) {
      showSaveFailure(this.form, error, this.notifier);
    } finally {
      this.saving.set(false);
    }
  }
}
