import type { ApprovalProgressView } from '@kadens/shared/contracts';

import type { TranslatedText } from '../shared/translated-text';

/** "1 of 2 approvals (admin needed) (waiting for the outside sign-off)": how far a post has come towards sign-off, as texts to join. */
export function describeProgress(progress: ApprovalProgressView): TranslatedText[] {
  const texts: TranslatedText[] = [
    {
      key: progress.required === 1 ? 'approvals.progress.countOfOne' : 'approvals.progress.count',
      params: { count: progress.count, required: progress.required },
    },
  ];
  if (progress.adminRequired) {
    texts.push({ key: progress.adminApproved ? 'approvals.progress.adminGiven' : 'approvals.progress.adminNeeded' });
  }
  if (progress.externalRequired) {
    texts.push({ key: progress.externalApproved ? 'approvals.progress.externalGiven' : 'approvals.progress.externalNeeded' });
  }
  return texts;
}
