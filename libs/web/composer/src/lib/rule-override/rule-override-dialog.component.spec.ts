import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Violation } from '@kadens/shared/contracts';

import { planningTranslations } from '../testing/planning-translations.testing';
import { RuleOverrideDialogComponent, type RuleOverrideRequest } from './rule-override-dialog.component';

const FULL_DAY: Violation = {
  rule: 'cadence.max_per_day',
  severity: 'block',
  channelId: 'c1',
  postId: 'p1',
  at: '2026-05-12T07:00:00.000Z',
  params: { date: '2026-05-12', count: 3, max: 2 },
};

describe('RuleOverrideDialogComponent', () => {
  async function open() {
    const dialogRef = { close: jest.fn() };
    const request: RuleOverrideRequest = {
      violations: [FULL_DAY, { ...FULL_DAY, postId: 'p2' }],
      context: { channels: [{ id: 'c1', name: 'Fjordvik på Facebook' }], timeZone: 'Europe/Oslo' },
    };
    TestBed.configureTestingModule({
      imports: [
        RuleOverrideDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { nb: { validation: { maxLength: 'Høyst {{max}} tegn.' } }, 'planning/nb': planningTranslations('nb') },
          translocoConfig: { availableLangs: ['nb'], defaultLang: 'nb', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: request },
        { provide: MatDialogRef, useValue: dialogRef },
      ],
    });
    const fixture = TestBed.createComponent(RuleOverrideDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    const byTestId = <T extends HTMLElement>(testId: string) => element.querySelector(`[data-testid="${testId}"]`) as T;
    const write = async (reason: string) => {
      const textarea = byTestId<HTMLTextAreaElement>('rule-override-reason');
      textarea.value = reason;
      textarea.dispatchEvent(new Event('input'));
      await settle();
    };
    await settle();
    return { element, byTestId, write, settle, dialogRef };
  }

  it('lists what the change breaks, once per rule, in the reader’s language', async () => {
    const { element } = await open();
    const rules = [...element.querySelectorAll('[data-rule]')].map((item) => item.textContent?.trim());
    expect(rules).toEqual(['Fjordvik på Facebook: Høyst 2 innlegg per dag, men 12. mai 2026 får 3.']);
  });

  it('requires a written reason before it closes', async () => {
    const { byTestId, write, settle, dialogRef } = await open();
    byTestId('rule-override-confirm').click();
    await settle();
    expect(dialogRef.close).not.toHaveBeenCalled();
    expect(byTestId('rule-override-reason-error').textContent?.trim()).toBe('Skriv hvorfor, med minst 3 tegn.');

    await write('   ');
    byTestId('rule-override-confirm').click();
    await settle();
    expect(dialogRef.close).not.toHaveBeenCalled();

    await write('  Beskjed om stengt vannverk  ');
    byTestId('rule-override-confirm').click();
    await settle();
    expect(dialogRef.close).toHaveBeenCalledWith('Beskjed om stengt vannverk');
  });
});
