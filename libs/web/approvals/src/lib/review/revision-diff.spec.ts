import { TestBed } from '@angular/core/testing';
import type { Locale, ReviewSummary } from '@kadens/shared/contracts';
import { translocoTesting } from '@kadens/web/ui/testing';

import { summary } from '../testing/approvals-fixtures.testing';
import { readApprovalsTranslations } from '../testing/approvals-translations.testing';
import { diffTime } from './revision-diff';
import { RevisionDiffComponent } from './revision-diff.component';

describe('diffTime', () => {
  it('writes a planned time short, in the organisation’s zone and the reader’s language', () => {
    expect(diffTime('2026-12-12T08:00:00Z', 'Europe/Oslo', 'en')).toBe('12 Dec, 09:00');
    expect(diffTime('2026-12-12T08:00:00Z', 'Europe/Oslo', 'nb')).toBe('12. des., 09:00');
    expect(diffTime('2026-12-12T08:00:00Z', 'America/New_York', 'en')).toBe('12 Dec, 03:00');
    expect(diffTime(null, 'Europe/Oslo', 'en')).toBeNull();
    expect(diffTime('2026-12-12T08:00:00Z', null, 'en')).toBe('');
  });
});

describe('RevisionDiffComponent', () => {
  async function render(review: ReviewSummary, locale: Locale = 'en') {
    TestBed.configureTestingModule({
      imports: [RevisionDiffComponent, translocoTesting(locale, { [locale]: { approvals: readApprovalsTranslations(locale) } })],
    });
    const fixture = TestBed.createComponent(RevisionDiffComponent);
    fixture.componentRef.setInput('summary', review);
    fixture.componentRef.setInput('channels', []);
    fixture.componentRef.setInput('timeZone', 'Europe/Oslo');
    await fixture.whenStable();
    return (testId: string) => fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  }

  function edited(timeChange: ReviewSummary['timeChange']): ReviewSummary {
    const review = summary({ timeChange });
    return {
      ...review,
      currentRevision: { ...review.currentRevision, revision: 2 },
      lastApprovedRevision: { ...review.currentRevision, revision: 1, content: { ...review.currentRevision.content, title: 'Old title' } },
    };
  }

  it('shows a time changed in the same edit as the text, beside the text changes', async () => {
    const find = await render(edited({ approved: '2026-12-12T08:00:00.000Z', current: '2026-12-13T09:00:00.000Z' }));
    const time = find('diff-time');
    expect(time?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Time12 Dec, 09:00 → 13 Dec, 10:00');
    expect(time?.querySelector('del')?.textContent?.trim()).toBe('12 Dec, 09:00');
    expect(time?.querySelector('ins')?.textContent?.trim()).toBe('13 Dec, 10:00');
    expect(find('diff-change')?.textContent).toContain('Title');
  });

  it('says in the reader’s language when there was no time, and shows nothing when the time stayed', async () => {
    const find = await render(edited({ approved: null, current: '2026-12-13T09:00:00.000Z' }), 'nb');
    expect(find('diff-time')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Tidingen tid planlagt → 13. des., 10:00');
    TestBed.resetTestingModule();
    const unchanged = await render(edited(null));
    expect(unchanged('diff-time')).toBeNull();
  });
});
