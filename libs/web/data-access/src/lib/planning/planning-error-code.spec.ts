import { HttpErrorResponse } from '@angular/common/http';

import { blockingViolations, planningErrorCode, ruleViolations } from './planning-error-code';

const block = { rule: 'service_hours.outside', severity: 'block', channelId: 'c1', postId: 'p1', at: '', params: {} };
const warn = { ...block, rule: 'cadence.min_per_week', severity: 'warn', postId: null };

function refusal(body: object, status = 422): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('planning error codes', () => {
  it('reads the refusals the planning screens word themselves', () => {
    expect(planningErrorCode(refusal({ code: 'rule_violations' }))).toBe('rule_violations');
    expect(planningErrorCode(refusal({ code: 'override_not_allowed' }, 403))).toBe('override_not_allowed');
    expect(planningErrorCode(refusal({ code: 'nothing_to_override' }))).toBe('nothing_to_override');
    expect(planningErrorCode(refusal({ code: 'something_else' }))).toBeNull();
    expect(planningErrorCode(new Error('x'))).toBeNull();
  });

  it('takes the broken rules from a rule_violations refusal, and only the blocking ones when asked', () => {
    const error = refusal({ code: 'rule_violations', violations: [block, warn, { nonsense: true }] });
    expect(ruleViolations(error)).toEqual([block, warn]);
    expect(blockingViolations(error)).toEqual([block]);
    expect(blockingViolations(refusal({ code: 'delivery_started', violations: [block] }, 409))).toEqual([]);
  });
});
