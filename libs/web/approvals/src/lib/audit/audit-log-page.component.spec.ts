import { TestBed } from '@angular/core/testing';
import type { AuditEventView } from '@kadens/shared/contracts';

import { auditEvent, MEMBERS, ORGANIZATION } from '../testing/approvals-fixtures.testing';
import { BASE, queries, settle, setUpApprovalsTestBed } from '../testing/approvals-test-bed.testing';
import { AuditLogPageComponent } from './audit-log-page.component';

const orgEvent = (action: string, before: unknown, after: unknown, subjectId = 'u-me'): AuditEventView =>
  auditEvent(action, { id: `e-${action}`, actorName: 'Ada Admin', subjectType: action.split('.')[0] ?? '', subjectId, before, after });

describe('AuditLogPageComponent', () => {
  it('words what happened in the organisation, with roles in the reader’s language and links to posts', async () => {
    const { http } = await setUpApprovalsTestBed({ role: 'admin', locale: 'nb' });
    const fixture = TestBed.createComponent(AuditLogPageComponent);
    await settle(fixture);
    http.expectOne(BASE).flush(ORGANIZATION);
    http.expectOne(`${BASE}/members`).flush(MEMBERS);
    const audit = http.expectOne((request) => request.url === `${BASE}/audit`);
    expect(audit.request.params.get('limit')).toBe('50');
    audit.flush([
      orgEvent('member.role_changed', { role: 'editor' }, { role: 'approver' }),
      orgEvent('member.removed', { role: 'viewer' }, null, 'u-gone'),
      orgEvent(
        'organization.approval_policy_changed',
        { approvalsRequired: 1 },
        { approvalsRequired: 2, adminApprovalRequired: false },
        'o1',
      ),
      orgEvent('checklist.item_changed', { text: 'Rights', archived: false }, { text: 'Rights', archived: true }, 'k1'),
      auditEvent('post.submit', { id: 'e-post' }),
    ]);
    await settle(fixture);
    const { findAll, text } = queries(fixture);
    const lines = findAll('audit-entry').map((entry) => text(entry.querySelector('span')));
    expect(lines).toEqual([
      'Ada Admin endret rollen til Me fra Redaktør til Godkjenner',
      'Ada Admin fjernet et tidligere medlem',
      'Ada Admin satte antall godkjenninger per innlegg til 2',
      'Ada Admin arkiverte sjekklistepunktet «Rights»',
      'Eddie Editor sendte versjon 2 til godkjenning · åpne innlegget',
    ]);
    expect(findAll('audit-entry')[4]?.querySelector('a')?.getAttribute('href')).toBe('/o/o1/approvals/p1');
    expect(findAll('audit-older')).toHaveLength(0);
  });

  it('words invitations, channel connections, the crisis switch and the needs-attention actions', async () => {
    const { http } = await setUpApprovalsTestBed({ role: 'admin', locale: 'en' });
    const fixture = TestBed.createComponent(AuditLogPageComponent);
    await settle(fixture);
    http.expectOne(BASE).flush(ORGANIZATION);
    http.expectOne(`${BASE}/members`).flush(MEMBERS);
    http
      .expectOne((request) => request.url === `${BASE}/audit`)
      .flush([
        orgEvent('member.invited', null, { email: 'kari@example.no', role: 'editor' }, 'i1'),
        orgEvent('invitation.revoked', { email: 'ola@example.no', role: 'viewer' }, null, 'i2'),
        orgEvent('channel.connection_tested', null, { ok: false }, 'c1'),
        { ...orgEvent('publishing.paused', null, { reason: 'Storm' }, 'c1'), subjectType: 'channel', reason: 'Storm' },
        auditEvent('target.retry', { id: 'e-retry' }),
      ]);
    await settle(fixture);
    const { findAll, text } = queries(fixture);
    expect(findAll('audit-entry').map((entry) => text(entry.querySelector('span')))).toEqual([
      'Ada Admin invited kari@example.no as Editor',
      'Ada Admin withdrew the invitation to ola@example.no',
      'Ada Admin tested a channel’s connection: it failed',
      'Ada Admin paused publishing on a channel',
      'Eddie Editor asked to try publishing again · open the post',
    ]);
  });
});
