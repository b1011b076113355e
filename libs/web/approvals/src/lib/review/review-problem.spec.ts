import { HttpErrorResponse } from '@angular/common/http';

import { describeReviewProblem } from './review-problem';

const failure = (status: number, code?: string) =>
  new HttpErrorResponse({ status, error: { statusCode: status, message: 'x', ...(code ? { code } : {}) } });

describe('describeReviewProblem', () => {
  it.each([
    [failure(403, 'own_post'), ['approvals.errors.own_post'], false],
    [failure(403, 'permission_denied'), ['approvals.errors.permission_denied'], false],
    [failure(409, 'stale_revision'), ['approvals.errors.stale_revision'], true],
    [failure(409, 'already_approved'), ['approvals.errors.already_approved'], true],
    [failure(409, 'not_allowed_in_state'), ['approvals.errors.not_allowed_in_state'], true],
    [failure(400, 'checklist_incomplete'), ['approvals.errors.checklist_incomplete'], false],
    [failure(404, 'post_not_found'), ['approvals.errors.post_not_found'], false],
    [failure(409), ['errors.reason.conflict'], true],
    [failure(500), ['errors.reason.server', 'errors.action.tryAgain'], false],
    [failure(0), ['errors.reason.network', 'errors.action.tryAgain'], false],
  ])('%#: explains the failure and offers a reload only when it helps', (error, keys, reload) => {
    const problem = describeReviewProblem(error);
    expect(problem.texts.map((text) => text.key)).toEqual(keys);
    expect(problem.reload).toBe(reload);
  });
});
