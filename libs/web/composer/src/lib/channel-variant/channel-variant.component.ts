import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView } from '@kadens/shared/contracts';
import { FieldErrorComponent, PlatformBadgeComponent } from '@kadens/web/ui';

import type { VariantMeasure } from './variant-measure';

/** What the composer knows about one chosen channel. */
export interface ChannelTarget {
  channel: ChannelView;
  /** The channel's own text; null publishes the post's body. */
  control: FormControl<string | null>;
  measure: VariantMeasure;
  body: string;
  link: string;
  mediaCount: number;
}

/**
 * One chosen channel: its live character count by the platform's own rules, an optional text of its
 * own, what the rules object to, and a plain preview of what will be published.
 */
@Component({
  selector: 'kd-channel-variant',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslocoPipe,
    FieldErrorComponent,
    PlatformBadgeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-variant.component.html',
  styleUrl: './channel-variant.component.scss',
})
export class ChannelVariantComponent {
  readonly target = input.required<ChannelTarget>();
  readonly readonly = input(false);

  protected readonly channel = computed(() => this.target().channel);
  protected readonly measure = computed(() => this.target().measure);
  protected readonly hasOwnText = computed(() => this.target().control.value !== null);

  protected toggleOwnText(change: MatSlideToggleChange): void {
    const { control, body } = this.target();
    control.setValue(change.checked ? body : null);
    control.markAsDirty();
  }
}
