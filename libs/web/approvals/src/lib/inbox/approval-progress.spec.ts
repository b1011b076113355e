import { progress } from '../testing/approvals-fixtures.testing';
import { describeProgress } from './approval-progress';

describe('describeProgress', () => {
  it.each([
    [progress({ count: 1, required: 2 }), ['approvals.progress.count']],
    [progress({ count: 0, required: 1 }), ['approvals.progress.countOfOne']],
    [progress({ count: 1, required: 2, adminRequired: true }), ['approvals.progress.count', 'approvals.progress.adminNeeded']],
    [
      progress({ count: 1, required: 2, adminRequired: true, adminApproved: true }),
      ['approvals.progress.count', 'approvals.progress.adminGiven'],
    ],
    [
      progress({ count: 1, required: 1, externalRequired: true, externalApproved: false }),
      ['approvals.progress.countOfOne', 'approvals.progress.externalNeeded'],
    ],
    [
      progress({ count: 2, required: 2, externalRequired: true, externalApproved: true }),
      ['approvals.progress.count', 'approvals.progress.externalGiven'],
    ],
  ])('%#', (value, keys) => {
    expect(describeProgress(value).map((text) => text.key)).toEqual(keys);
    expect(describeProgress(value)[0]?.params).toEqual({ count: value.count, required: value.required });
  });
});
