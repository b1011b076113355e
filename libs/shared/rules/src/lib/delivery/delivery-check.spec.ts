import { checkDelivery, type DeliverySnapshot } from './delivery-check';

const ready: DeliverySnapshot = {
  targetState: 'queued',
  targetJobId: 't:3:1',
  jobId: 't:3:1',
  jobRevision: 3,
  postState: 'approved',
  postRevision: 3,
  organizationPaused: false,
  channelPaused: false,
  channelActive: true,
};

describe('checkDelivery', () => {
  it('publishes the approved revision of a queued target', () => {
    expect(checkDelivery(ready)).toEqual({ verdict: 'publish' });
  });

  it.each([
    ['another job owns the target', { targetJobId: 't:3:2' }],
    ['the target was moved back to scheduled', { targetState: 'scheduled' as const }],
    ['the target is already publishing', { targetState: 'publishing' as const }],
    ['the target was published', { targetState: 'published' as const }],
    ['the target is held', { targetState: 'held' as const }],
    ['the target has no job', { targetJobId: null }],
  ])('skips when %s', (_name, change) => {
    expect(checkDelivery({ ...ready, ...change })).toEqual({ verdict: 'skip' });
  });

  it.each([
    ['cancelled', { postState: 'cancelled' as const }, 'pending'],
    ['not_approved', { postState: 'in_review' as const }, 'pending'],
    ['not_approved', { postState: 'changes_requested' as const }, 'pending'],
    ['not_approved', { postState: 'draft' as const }, 'pending'],
    ['stale_revision', { postRevision: 4 }, 'scheduled'],
  ])('refuses (%s) and records it', (reason, change, targetState) => {
    expect(checkDelivery({ ...ready, ...change })).toEqual({ verdict: 'refuse', reason, targetState });
  });

  it('refuses an unapproved post before it looks at the pause', () => {
    expect(checkDelivery({ ...ready, postState: 'in_review', organizationPaused: true })).toMatchObject({ verdict: 'refuse' });
  });

  it.each([
    ['organization_paused', { organizationPaused: true, channelPaused: true }],
    ['channel_paused', { channelPaused: true }],
    ['channel_inactive', { channelActive: false }],
  ])('holds (%s)', (reason, change) => {
    expect(checkDelivery({ ...ready, ...change })).toEqual({ verdict: 'hold', reason });
  });
});
