import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelView, PostView } from '@kadens/shared/contracts';
import { platformRules } from '@kadens/shared/platform-rules';
import { PlatformBadgeComponent } from '@kadens/web/ui';

/** One channel's text and what its platform will show. */
interface ChannelText {
  channelId: string;
  name: string;
  platform: PostView['targets'][number]['platform'];
  ownText: boolean;
  /** What is published: the text, plus the link where the platform puts it in the text. */
  preview: string;
  /** The link goes in a field of its own (a link card), not in the text. */
  separateLink: string | null;
  mediaCount: number;
}

/** The text each channel gets (the post's, or the channel's own), previewed as its platform composes it. */
@Component({
  selector: 'kd-channel-texts',
  imports: [TranslocoPipe, PlatformBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (text of texts(); track text.channelId) {
      <article class="channel" [attr.data-testid]="'review-channel-' + text.channelId">
        <header class="channel__head">
          <kd-platform-badge [platform]="text.platform" />
          <span class="channel__name">{{ text.name }}</span>
          <span class="channel__kind">{{
            (text.ownText ? 'approvals.channels.ownText' : 'approvals.channels.sharedText') | transloco
          }}</span>
        </header>
        <div class="preview" [attr.aria-label]="'approvals.channels.previewOf' | transloco: { channel: text.name }" role="group">
          <p class="preview__text" data-testid="review-preview-text">{{ text.preview || ('approvals.channels.empty' | transloco) }}</p>
          @if (text.separateLink) {
            <p class="preview__link">{{ text.separateLink }}</p>
          }
          @if (text.mediaCount > 0) {
            <p class="preview__media">{{ 'approvals.channels.media' | transloco: { count: text.mediaCount } }}</p>
          }
        </div>
      </article>
    } @empty {
      <p>{{ 'approvals.channels.none' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .channel__head {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .channel__name {
      font: var(--mat-sys-title-small);
    }
    .channel__kind {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .preview {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      max-width: 36rem;
    }
    .preview p {
      margin: 0;
    }
    .preview__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .preview__link,
    .preview__media {
      margin-top: 0.5rem !important;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class ChannelTextsComponent {
  readonly post = input.required<PostView>();
  readonly channels = input.required<readonly ChannelView[]>();

  protected readonly texts = computed<ChannelText[]>(() => {
    const post = this.post();
    return post.targets.map((target) => {
      const rules = platformRules(target.platform);
      const content = { text: target.textVariant ?? post.body, link: post.link, mediaUrls: post.mediaUrls };
      return {
        channelId: target.channelId,
        name: this.channels().find((channel) => channel.id === target.channelId)?.name ?? target.platform,
        platform: target.platform,
        ownText: target.textVariant !== null,
        preview: rules.composeText(content),
        separateLink: rules.linkPlacement === 'separate_field' ? post.link : null,
        mediaCount: post.mediaUrls.length,
      };
    });
  });
}
