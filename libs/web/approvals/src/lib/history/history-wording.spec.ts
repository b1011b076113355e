import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { AuditEventView, Locale } from '@kadens/shared/contracts';
import { provideIcuMessages } from '@kadens/web/util';

import { auditEvent } from '../testing/approvals-fixtures.testing';
import { readApprovalsTranslations } from '../testing/approvals-translations.testing';
import { describeAuditEvent } from './history-wording';

function worded(event: AuditEventView, locale: Locale = 'en'): string {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { [locale]: { approvals: readApprovalsTranslations(locale) } },
        translocoConfig: { availableLangs: [locale], defaultLang: locale },
        preloadLangs: true,
      }),
    ],
    providers: [provideIcuMessages()],
  });
  const line = describeAuditEvent(event);
  const text = TestBed.inject(TranslocoService).translate(line.text.key, line.text.params ?? {});
  return line.note ? `${text} “${line.note}”` : text;
}

describe('describeAuditEvent', () => {
  it.each<[string, AuditEventView, string]>([
    ['a submission', auditEvent('post.submit'), 'Eddie Editor sent revision 2 for approval'],
    [
      'an approval that leaves more to give',
      auditEvent('post.approve', { actorName: 'Ada', after: { state: 'in_review', revision: 2, approvals: 1, required: 2 } }),
      'Ada approved revision 2 (1 of 2 approvals)',
    ],
    [
      'the approval that completes sign-off',
      auditEvent('post.approve', { actorName: 'Anders', after: { state: 'approved', revision: 2, approvals: 2, required: 2 } }),
      'Anders approved revision 2; the post is approved',
    ],
    [
      'a request for changes, with its comment',
      auditEvent('post.request_changes', {
        actorName: 'Ada',
        after: { state: 'changes_requested', revision: 2 },
        reason: 'Say which library.',
      }),
      'Ada asked for changes to revision 2 “Say which library.”',
    ],
    [
      'an edit that sent the post back to review',
      auditEvent('post.edit_content', { after: { state: 'in_review', revision: 3 } }),
      'Eddie Editor edited the post; revision 3 went to review',
    ],
    [
      'an edit of a draft',
      auditEvent('post.edit_content', { after: { state: 'draft', revision: 3 } }),
      'Eddie Editor edited the post (revision 3)',
    ],
    [
      'an expiry, which nobody did',
      auditEvent('post.expire', { actorId: null, actorName: null, after: { state: 'draft', revision: 2 } }),
      'The post was not approved by its time, so it was not published',
    ],
    [
      'a cancellation with a reason',
      auditEvent('post.cancel', { reason: 'The event was called off' }),
      'Eddie Editor cancelled the post “The event was called off”',
    ],
    [
      'an override of the channels’ rules',
      auditEvent('post.rules_overridden', {
        actorName: 'Ada',
        after: { plannedAt: '2030-06-04T10:00:00Z', violations: [] },
        reason: 'Storm warning',
      }),
      'Ada overrode the channels’ rules for this post “Storm warning”',
    ],
    ['a comment, with its words', auditEvent('post.commented', { after: { body: 'Looks good' } }), 'Eddie Editor commented “Looks good”'],
    ['an action the web does not know yet', auditEvent('post.archived', { after: null }), 'Eddie Editor: post.archived'],
    [
      'asking someone outside',
      auditEvent('post.external_review_requested', { after: { name: 'Lise Lov', email: 'lise@example.no', revision: 2 } }),
      'Eddie Editor asked Lise Lov (lise@example.no) to sign off the post by link',
    ],
    [
      'the outside person opening the link',
      auditEvent('post.external_review_opened', { actorId: null, actorName: null, after: { name: 'Lise Lov', email: 'lise@example.no' } }),
      'Lise Lov opened the review link',
    ],
    [
      'the outside person approving',
      auditEvent('post.external_review_decided', {
        actorId: null,
        actorName: null,
        after: { name: 'Lise Lov', email: 'lise@example.no', decision: 'approved', revision: 2 },
      }),
      'Lise Lov (lise@example.no) approved revision 2 by link',
    ],
    [
      'the outside person asking for changes, with the comment',
      auditEvent('post.external_review_decided', {
        actorId: null,
        actorName: null,
        after: { name: 'Lise Lov', email: 'lise@example.no', decision: 'changes_requested', revision: 2 },
        reason: 'Check the date',
      }),
      'Lise Lov (lise@example.no) asked for changes by link “Check the date”',
    ],
    [
      'the approval the link made',
      auditEvent('post.approve', { actorId: null, actorName: null, after: { state: 'approved', revision: 2, approvals: 2, required: 2 } }),
      'Revision 2 was approved through the outside sign-off',
    ],
    [
      'a link withdrawn',
      auditEvent('post.external_review_revoked', { after: { name: 'Lise Lov', email: 'lise@example.no' } }),
      'Eddie Editor withdrew the review link sent to Lise Lov',
    ],
  ])('words %s', (_label, event, expected) => {
    expect(worded(event)).toBe(expected);
  });

  it('speaks Norwegian too', () => {
    const event = auditEvent('post.approve', { actorName: 'Ada', after: { state: 'approved', revision: 4, approvals: 1, required: 1 } });
    expect(worded(event, 'nb')).toBe('Ada godkjente versjon 4; innlegget er godkjent');
  });
});
