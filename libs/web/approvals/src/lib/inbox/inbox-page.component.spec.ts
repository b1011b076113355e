import { TestBed } from '@angular/core/testing';
import type { CalendarEntry, InboxEntry, Role } from '@kadens/shared/contracts';

import { inboxEntry, ORGANIZATION, progress } from '../testing/approvals-fixtures.testing';
import { BASE, queries, settle, setUpApprovalsTestBed } from '../testing/approvals-test-bed.testing';
import { InboxPageComponent } from './inbox-page.component';

const pipelineEntry = (id: string, title: string, plannedAt: string, state: CalendarEntry['state']): CalendarEntry => ({
  id,
  title,
  plannedAt,
  state,
  themeId: 't1',
  targets: [{ channelId: 'c-fb', platform: 'facebook', state: 'pending' }],
});

describe('InboxPageComponent', () => {
  async function render(role: Role, inbox: InboxEntry[] | null, pipeline: CalendarEntry[] = []) {
    const { http } = await setUpApprovalsTestBed({ role });
    const fixture = TestBed.createComponent(InboxPageComponent);
    await settle(fixture);
    http.expectOne(`${BASE}`).flush(ORGANIZATION);
    if (inbox) http.expectOne(`${BASE}/approvals/inbox`).flush(inbox);
    else http.expectNone(`${BASE}/approvals/inbox`);
    const calendar = http.expectOne((request) => request.url === `${BASE}/calendar`);
    expect(calendar.request.params.get('states')).toBe('draft,in_review,changes_requested');
    calendar.flush(pipeline);
    await settle(fixture);
    return { fixture, http, ...queries(fixture) };
  }

  it('lists the posts waiting for the approver soonest first, with time, author, platforms and progress', async () => {
    const { findAll, text } = await render('approver', [
      inboxEntry({
        postId: 'p-late',
        title: 'Culture week',
        plannedAt: '2030-06-20T08:00:00.000Z',
        progress: progress({ count: 1 }),
        approvedByYou: true,
      }),
      inboxEntry({ postId: 'p-idea', title: 'An idea', plannedAt: null }),
      inboxEntry({
        postId: 'p-soon',
        title: 'Storm warning',
        plannedAt: '2030-06-04T10:00:00.000Z',
        sensitive: true,
        platforms: ['facebook', 'x'],
        progress: progress({ count: 1, required: 2, adminRequired: true }),
      }),
    ]);
    const entries = findAll('inbox-entry');
    expect(entries.map((entry) => entry.getAttribute('data-post-id'))).toEqual(['p-soon', 'p-late', 'p-idea']);
    const [soon, late, idea] = entries;
    expect(text(soon?.querySelector('[data-testid="inbox-progress"]'))).toBe('1 of 2 approvals (an administrator must approve)');
    // Summer time in Oslo: 10:00 UTC is 12:00 there. (ICU versions differ in the joining words.)
    expect(text(soon?.querySelector('[data-testid="inbox-time"]'))).toMatch(/^Tue, 4 June 2030\D+12:00$/);
    expect(text(soon)).toContain('by Eddie Editor');
    expect(soon?.querySelector('[data-testid="inbox-sensitive"]')).not.toBeNull();
    expect(soon?.querySelectorAll('kd-platform-badge')).toHaveLength(2);
    expect(soon?.getAttribute('href')).toBe('/o/o1/approvals/p-soon');
    expect(late?.querySelector('[data-testid="inbox-approved-by-you"]')).not.toBeNull();
    expect(soon?.querySelector('[data-testid="inbox-approved-by-you"]')).toBeNull();
    expect(text(idea?.querySelector('[data-testid="inbox-time"]'))).toBe('No time planned yet');
  });

  it('explains sign-off when nothing is waiting', async () => {
    const { find, text } = await render('admin', []);
    expect(text(find('inbox-empty'))).toContain('Nothing is waiting for your approval.');
    expect(text(find('inbox-empty'))).toContain('A post that is not approved by its time is not published.');
    expect(find('approval-settings-link')?.getAttribute('href')).toBe('/o/o1/approvals/settings');
    expect(find('audit-log-link')?.getAttribute('href')).toBe('/o/o1/approvals/audit');
  });

  it('shows an editor the posts on their way to sign-off, without asking for an inbox they may not have', async () => {
    const { findAll, find, text } = await render('editor', null, [
      pipelineEntry('p2', 'Culture week', '2030-06-20T08:00:00.000Z', 'changes_requested'),
      pipelineEntry('p1', 'School starts', '2030-06-04T08:00:00.000Z', 'draft'),
    ]);
    expect(find('inbox-entry')).toBeNull();
    expect(find('approval-settings-link')).toBeNull();
    expect(find('audit-log-link')).toBeNull();
    const entries = findAll('pipeline-entry');
    expect(entries.map((entry) => text(entry.querySelector('.entry__title')))).toEqual(['School starts', 'Culture week']);
    expect(text(entries[1])).toContain('Changes requested');
    expect(entries[0]?.getAttribute('href')).toBe('/o/o1/approvals/p1');
  });
});
