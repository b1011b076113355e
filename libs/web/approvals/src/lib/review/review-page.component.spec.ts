import type { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AuditEventView, PostView, ReviewSummary, Role, Violation } from '@kadens/shared/contracts';
import { type DeliveryContext, POST_DELIVERY_PANEL } from '@kadens/web/data-access';

import { auditEvent, CHANNELS, MEMBERS, ORGANIZATION, summary } from '../testing/approvals-fixtures.testing';
import { apiError, BASE, queries, settle, setUpApprovalsTestBed } from '../testing/approvals-test-bed.testing';
import { ReviewPageComponent } from './review-page.component';

const POST = `${BASE}/posts/p1`;

interface Answers {
  review: ReviewSummary;
  history?: AuditEventView[];
  violations?: Violation[];
}

function answerRefresh(http: HttpTestingController, { review, history = [] }: Answers): void {
  http.expectOne(`${POST}/review`).flush(review);
  http.expectOne(`${POST}/comments`).flush([]);
  http.expectOne(`${POST}/history`).flush(history);
}

@Component({
  selector: 'kd-stub-delivery-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="stub-delivery">{{ post().id }} in {{ catalog().timeZone }}</p>`,
})
class StubDeliveryPanelComponent {
  readonly post = input.required<PostView>();
  readonly catalog = input.required<DeliveryContext>();
}

describe('ReviewPageComponent', () => {
  async function render(role: Role, answers: Answers, userId = 'u-me', providers: Provider[] = []) {
    const { http, notifier } = await setUpApprovalsTestBed({ role, userId, providers });
    const fixture = TestBed.createComponent(ReviewPageComponent);
    fixture.componentRef.setInput('postId', 'p1');
    await settle(fixture);
    http.expectOne(BASE).flush(ORGANIZATION);
    http.expectOne(`${BASE}/channels`).flush(CHANNELS);
    http.expectOne(`${BASE}/members`).flush(MEMBERS);
    await settle(fixture);
    answerRefresh(http, answers);
    await settle(fixture);
    const violations = http.expectOne((request) => request.url === `${BASE}/calendar/violations`);
    expect(violations.request.params.get('channelIds')).toBe('c-fb,c-x');
    violations.flush(answers.violations ?? []);
    await settle(fixture);
    const q = queries(fixture);
    const tick = async (index: number) => {
      q.findAll('checklist-item')[index]?.querySelector('input')?.click();
      await settle(fixture);
    };
    const approveButton = () => q.find<HTMLButtonElement>('review-approve');
    return { fixture, http, notifier, tick, approveButton, ...q };
  }

  it('shows each channel’s text as its platform will, and what changed since the last approval', async () => {
    const review = summary();
    review.lastApprovedRevision = {
      ...review.currentRevision,
      revision: 1,
      content: { ...review.currentRevision.content, body: 'The library keeps summer hours from 26 June.' },
    };
    const { findAll, text } = await render('approver', { review });
    expect(text(findAll('review-preview-text')[0])).toBe('The library keeps summer hours from 24 June.');
    expect(text(findAll('review-preview-text')[1])).toBe('Summer hours from 24 June!');
    const change = findAll('diff-change')[0];
    expect(change?.querySelector('del')?.textContent).toBe('26');
    expect(change?.querySelector('ins')?.textContent).toBe('24');
  });

  it('names the theme (its colour beside the name), the audiences and the content type', async () => {
    const review = summary();
    const { find, text } = await render('approver', {
      review: {
        ...review,
        plan: {
          ...review.plan,
          audiences: [
            { id: 'a1', name: 'Families' },
            { id: 'a2', name: 'Students' },
          ],
        },
      },
    });
    expect(text(find('review-theme'))).toBe('Opening hours');
    expect(find('review-theme')?.querySelector<HTMLElement>('[aria-hidden="true"]')?.style.background).toBe('rgb(30, 136, 229)');
    expect(text(find('review-audiences'))).toBe('Families, Students');
    expect(text(find('review-content-type'))).toBe('News');
  });

  it('says when the post is for no particular audience, and shows an own content type by its name', async () => {
    const review = summary();
    const { find, text } = await render('approver', {
      review: { ...review, plan: { ...review.plan, contentType: { id: 'ct-own', key: null, name: 'Quiz' } } },
    });
    expect(text(find('review-audiences'))).toBe('None chosen');
    expect(text(find('review-content-type'))).toBe('Quiz');
  });

  it('keeps approve disabled until every required checklist item is ticked, then approves the revision it shows', async () => {
    const { fixture, http, notifier, tick, approveButton, click, findAll, text } = await render('approver', { review: summary() });
    expect(findAll('checklist-item').map((item) => text(item))).toEqual([
      'Relevant to the theme and the audiences it is for',
      'Respects privacy: no personal data without consent',
      'Checked the opening hours with the library (optional)',
    ]);
    expect(approveButton()?.disabled).toBe(true);
    await tick(0);
    await tick(2);
    expect(approveButton()?.disabled).toBe(true);
    await tick(1);
    expect(approveButton()?.disabled).toBe(false);

    await click('review-approve');
    const approval = http.expectOne({ method: 'POST', url: `${POST}/approve` });
    expect(approval.request.body).toEqual({ revision: 2, checklist: ['k-relevance', 'k-privacy', 'k-own'] });
    approval.flush(summary().post);
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('approvals.review.approved', { title: 'Summer opening hours' });
    answerRefresh(http, { review: summary({ reviews: [] }, { state: 'approved' }) });
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[data-testid="review-state"]')?.getAttribute('data-state')).toBe('approved');
  });

  it('asks for changes only with a comment', async () => {
    const { fixture, http, find, fill, click } = await render('approver', { review: summary() });
    expect(find<HTMLButtonElement>('review-request-changes')?.disabled).toBe(true);
    await fill('review-comment', '  Say which library.  ');
    expect(find<HTMLButtonElement>('review-request-changes')?.disabled).toBe(false);
    await click('review-request-changes');
    const request = http.expectOne({ method: 'POST', url: `${POST}/request-changes` });
    expect(request.request.body).toEqual({ revision: 2, comment: 'Say which library.' });
    request.flush(summary().post);
    await settle(fixture);
    answerRefresh(http, { review: summary({}, { state: 'changes_requested' }) });
    await settle(fixture);
    expect(find('review-state')?.getAttribute('data-state')).toBe('changes_requested');
  });

  it('explains a refusal in the reader’s words, and offers to reload a post that changed', async () => {
    const { fixture, http, tick, click, find, text } = await render('approver', { review: summary() });
    await tick(0);
    await tick(1);
    await click('review-approve');
    apiError(http.expectOne(`${POST}/approve`), 403, { code: 'own_post' });
    await settle(fixture);
    expect(text(find('review-problem'))).toBe('You wrote this post (or its latest version), so someone else must approve it.');
    expect(find('review-reload')).toBeNull();

    await click('review-approve');
    apiError(http.expectOne(`${POST}/approve`), 409, { code: 'stale_revision' });
    await settle(fixture);
    expect(text(find('review-problem'))).toContain('The post was changed after you opened it.');
    await click('review-reload');
    answerRefresh(http, { review: summary({}, { revision: 3 }) });
    await settle(fixture);
    expect(find('review-problem')).toBeNull();
    expect(text(fixture.nativeElement as HTMLElement)).toContain('Revision 3');
  });

  it('tells the author why they cannot approve, and lets them send the post for approval', async () => {
    const { fixture, http, find, text, click } = await render('approver', {
      review: summary({}, { state: 'changes_requested', authorId: 'u-me', revisionAuthorId: 'u-me' }),
    });
    expect(find('review-approve')).toBeNull();
    expect(find('review-refusal')).toBeNull();
    await click('submit-for-approval');
    const submit = http.expectOne({ method: 'POST', url: `${POST}/submit` });
    expect(submit.request.body).toEqual({});
    submit.flush(summary().post);
    await settle(fixture);
    answerRefresh(http, { review: summary({}, { authorId: 'u-me', revisionAuthorId: 'u-me' }) });
    await settle(fixture);
    expect(find('submit-for-approval')).toBeNull();
    expect(text(find('review-refusal'))).toBe('You wrote this post (or its latest version), so someone else must approve it.');
    expect(find('review-cancel')).not.toBeNull();
  });

  it('cancels the post with the reason given', async () => {
    const { fixture, http, click, fill, find } = await render('editor', { review: summary({}, { state: 'draft' }) });
    await click('review-cancel');
    await fill('review-cancel-reason', 'The event was called off');
    await click('review-cancel-confirm');
    const cancel = http.expectOne({ method: 'POST', url: `${POST}/cancel` });
    expect(cancel.request.body).toEqual({ reason: 'The event was called off' });
    cancel.flush(summary().post);
    await settle(fixture);
    answerRefresh(http, { review: summary({}, { state: 'cancelled' }) });
    await settle(fixture);
    expect(find('review-state')?.getAttribute('data-state')).toBe('cancelled');
    expect(find('review-cancel')).toBeNull();
    expect(find('submit-for-approval')).toBeNull();
  });

  it('words the history and the channels’ broken promises', async () => {
    const { findAll, text } = await render('editor', {
      review: summary(),
      history: [
        auditEvent('post.approve', { id: 'e2', actorName: 'Ada', after: { state: 'in_review', revision: 2, approvals: 1, required: 2 } }),
        auditEvent('post.submit', { id: 'e1' }),
      ],
      violations: [
        {
          rule: 'cadence.max_per_day',
          severity: 'block',
          channelId: 'c-fb',
          postId: 'p1',
          at: '2030-06-04T10:00:00.000Z',
          params: { date: '2030-06-04', count: 3, max: 2 },
        },
      ],
    });
    expect(findAll('history-entry').map((entry) => text(entry.querySelector('.event__text')))).toEqual([
      'Ada approved revision 2 (1 of 2 approvals)',
      'Eddie Editor sent revision 2 for approval',
    ]);
    expect(text(findAll('review-violation')[0])).toBe(
      'Blocks publishing: Fjordvik på Facebook: at most 2 a day, but 4 June 2030 would have 3.',
    );
    expect(findAll('review-approve')).toHaveLength(0);
  });

  it('shows a published post as published, with its delivery, and offers no edit or cancel', async () => {
    const published = summary(
      {},
      {
        state: 'approved',
        authorId: 'u-me',
        targets: summary().post.targets.map((target) => ({ ...target, state: 'published' as const })),
      },
    );
    const { find, findAll, text } = await render('editor', { review: published }, 'u-me', [
      { provide: POST_DELIVERY_PANEL, useValue: StubDeliveryPanelComponent },
    ]);
    expect(find('review-state')?.getAttribute('data-state')).toBe('published');
    expect(text(find('review-state'))).toBe('✓✓Published');
    expect(text(find('stub-delivery'))).toBe('p1 in Europe/Oslo');
    expect(findAll('review-edit')).toHaveLength(0);
    expect(findAll('review-cancel')).toHaveLength(0);
  });

  it('shows no delivery before sign-off', async () => {
    const { find, findAll } = await render('approver', { review: summary() }, 'u-me', [
      { provide: POST_DELIVERY_PANEL, useValue: StubDeliveryPanelComponent },
    ]);
    expect(find('review-state')?.getAttribute('data-state')).toBe('in_review');
    expect(findAll('stub-delivery')).toHaveLength(0);
  });
});
