import type { AttentionItem, PublishingStatus, TargetDelivery } from '@kadens/shared/contracts';

export const PAUSE = {
  pausedAt: '2030-06-04T08:00:00.000Z',
  reason: 'Storm warning: only crisis messages',
  pausedBy: { id: 'u-ada', name: 'Ada Admin' },
};

export function status(overrides: Partial<PublishingStatus> = {}): PublishingStatus {
  return { organization: null, channels: [], heldCount: 0, attentionCount: 0, reconnectNeeded: [], ...overrides };
}

export function attentionItem(overrides: Partial<AttentionItem> = {}): AttentionItem {
  return {
    reason: 'failed',
    targetId: 't1',
    postId: 'p1',
    postTitle: 'Summer opening hours',
    channelId: 'c-fb',
    channelName: 'Fjordvik on Facebook',
    platform: 'facebook',
    state: 'failed',
    plannedAt: '2030-06-04T10:00:00.000Z',
    message: 'The image is too large (max 4 MB).',
    attempts: 3,
    since: '2030-06-04T10:05:00.000Z',
    actions: ['retry', 'reschedule'],
    ...overrides,
  };
}

export function delivery(overrides: Partial<TargetDelivery> = {}): TargetDelivery {
  return {
    targetId: 't1',
    postId: 'p1',
    channelId: 'c-fb',
    state: 'scheduled',
    attempts: 0,
    externalUrl: null,
    publishedAt: null,
    lastError: null,
    notBefore: null,
    ...overrides,
  };
}
