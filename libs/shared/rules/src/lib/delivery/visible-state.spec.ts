import { visiblePostState, visibleTargetState } from './visible-state';

describe('visiblePostState', () => {
  it('shows the sign-off while nothing has been delivered', () => {
    expect(visiblePostState('draft', ['pending'])).toBe('draft');
    expect(visiblePostState('in_review', ['pending', 'pending'])).toBe('in_review');
    expect(visiblePostState('changes_requested', ['pending'])).toBe('changes_requested');
    expect(visiblePostState('approved', ['scheduled', 'scheduled'])).toBe('approved');
    expect(visiblePostState('approved', [])).toBe('approved');
  });

  it('says published only when every target is published', () => {
    expect(visiblePostState('approved', ['published', 'published'])).toBe('published');
    expect(visiblePostState('approved', ['published', 'scheduled'])).toBe('partly_published');
  });

  it('puts a target that needs a person first: failed, unconfirmed, held', () => {
    expect(visiblePostState('approved', ['published', 'failed', 'unconfirmed', 'held'])).toBe('failed');
    expect(visiblePostState('approved', ['published', 'unconfirmed', 'held'])).toBe('unconfirmed');
    expect(visiblePostState('approved', ['published', 'held', 'publishing'])).toBe('held');
  });

  it('shows delivery in progress before what already landed', () => {
    expect(visiblePostState('approved', ['published', 'publishing'])).toBe('publishing');
    expect(visiblePostState('approved', ['published', 'queued'])).toBe('queued');
    expect(visiblePostState('approved', ['queued', 'scheduled'])).toBe('queued');
  });

  it('shows an expired post as expired, and a cancelled post as cancelled whatever its targets say', () => {
    expect(visiblePostState('in_review', ['expired', 'expired'])).toBe('expired');
    expect(visiblePostState('cancelled', ['failed'])).toBe('cancelled');
  });
});

describe('visibleTargetState', () => {
  it('shows the sign-off until the target has a delivery of its own', () => {
    expect(visibleTargetState('in_review', 'pending')).toBe('in_review');
    expect(visibleTargetState('approved', 'scheduled')).toBe('approved');
    expect(visibleTargetState('approved', 'published')).toBe('published');
    expect(visibleTargetState('approved', 'held')).toBe('held');
  });
});
