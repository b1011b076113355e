import { TestBed } from '@angular/core/testing';
import type { ChecklistItemView, Role } from '@kadens/shared/contracts';

import { CHECKLIST } from '../testing/approvals-fixtures.testing';
import { BASE, queries, settle, setUpApprovalsTestBed } from '../testing/approvals-test-bed.testing';
import { ApprovalSettingsComponent } from './approval-settings.component';

const ARCHIVED: ChecklistItemView = { id: 'k-old', key: null, text: 'Asked the principal', required: true, position: 4, archived: true };

describe('ApprovalSettingsComponent', () => {
  async function render(role: Role, locale: 'en' | 'nb' = 'en') {
    const { http, notifier } = await setUpApprovalsTestBed({ role, locale });
    const fixture = TestBed.createComponent(ApprovalSettingsComponent);
    await settle(fixture);
    http.expectOne(`${BASE}/approval-policy`).flush({ approvalsRequired: 1, adminApprovalRequired: false });
    const checklist = http.expectOne((request) => request.url === `${BASE}/checklist`);
    expect(checklist.request.params.get('includeArchived')).toBe(role === 'admin' ? 'true' : null);
    checklist.flush(role === 'admin' ? [...CHECKLIST, ARCHIVED] : CHECKLIST);
    await settle(fixture);
    return { fixture, http, notifier, ...queries(fixture, document.body) };
  }

  it('lets an admin require two approvals', async () => {
    const { fixture, http, notifier, find, click } = await render('admin');
    expect(find<HTMLButtonElement>('policy-save')?.disabled).toBe(true);
    await click('policy-approvals-required');
    (document.body.querySelectorAll<HTMLElement>('mat-option')[1] as HTMLElement).click();
    await settle(fixture);
    await click('policy-save');
    const save = http.expectOne({ method: 'PATCH', url: `${BASE}/approval-policy` });
    expect(save.request.body).toEqual({ approvalsRequired: 2, adminApprovalRequired: false });
    save.flush({ approvalsRequired: 2, adminApprovalRequired: false });
    await settle(fixture);
    expect(notifier.announce).toHaveBeenCalledWith('approvals.settings.policySaved');
  });

  it('shows seeded items in the reader’s language and saves an admin’s own words, order and archiving', async () => {
    const { fixture, http, findAll, fill, click } = await render('admin', 'nb');
    const texts = () => findAll('checklist-editor-text').map((input) => (input as HTMLInputElement).value);
    expect(texts()).toEqual([
      'Relevant for temaet og målgruppene det er ment for',
      'Tar hensyn til personvernet: ingen personopplysninger uten samtykke',
      'Checked the opening hours with the library',
    ]);
    expect(findAll('checklist-editor-archived')).toHaveLength(1);

    const input = findAll('checklist-editor-text')[2] as HTMLInputElement;
    input.value = 'Sjekket åpningstidene med biblioteket';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    await click('checklist-editor-save');
    const reword = http.expectOne({ method: 'PATCH', url: `${BASE}/checklist/k-own` });
    expect(reword.request.body).toEqual({ text: 'Sjekket åpningstidene med biblioteket' });
    reword.flush({ ...CHECKLIST[2], text: 'Sjekket åpningstidene med biblioteket' });
    await settle(fixture);

    await click('checklist-editor-up', 2);
    const moves = http.match((request) => request.method === 'PATCH');
    expect(moves.map((request) => [request.request.url, request.request.body])).toEqual([[`${BASE}/checklist/k-own`, { position: 2 }]]);
    moves[0]?.flush({ ...CHECKLIST[2], position: 2 });
    await settle(fixture);
    http.expectOne({ method: 'PATCH', url: `${BASE}/checklist/k-privacy` }).flush({ ...CHECKLIST[1], position: 3 });
    await settle(fixture);
    http.expectOne((request) => request.url === `${BASE}/checklist`).flush(CHECKLIST);
    await settle(fixture);

    await fill('checklist-add-text', 'Ingen elever på bilder uten samtykke');
    await click('checklist-add');
    const add = http.expectOne({ method: 'POST', url: `${BASE}/checklist` });
    expect(add.request.body).toEqual({ text: 'Ingen elever på bilder uten samtykke', required: true, position: 4 });
  });

  it('shows an editor the policy without letting them change it', async () => {
    const { find, text, findAll } = await render('editor');
    expect(text(find('policy-summary'))).toBe('Approvals needed per post: 1 · any approver may approve');
    expect(find('policy-save')).toBeNull();
    expect(findAll('checklist-editor-text')).toHaveLength(0);
    expect(findAll('checklist-editor-item')).toHaveLength(3);
  });
});
