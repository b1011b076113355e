import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { translocoTesting } from '@kadens/web/ui/testing';

import { planningTranslations } from '../testing/planning-translations.testing';
import { PlannedTimeFieldComponent } from './planned-time-field.component';

@Component({
  imports: [ReactiveFormsModule, PlannedTimeFieldComponent],
  template: `<kd-planned-time-field [formControl]="plannedAt" timeZone="Europe/Oslo" />`,
})
class HostComponent {
  readonly plannedAt = new FormControl('', { nonNullable: true });
}

async function renderInNorwegian(wallClock = '') {
  TestBed.configureTestingModule({
    imports: [HostComponent, translocoTesting('nb', { nb: {}, 'planning/nb': planningTranslations('nb') })],
  });
  const fixture = TestBed.createComponent(HostComponent);
  const host = fixture.componentInstance;
  host.plannedAt.setValue(wallClock);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const input = (testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
  const type = async (testId: string, value: string) => {
    input(testId).value = value;
    input(testId).dispatchEvent(new Event('input'));
    input(testId).dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  };
  const text = (selector: string) => element.querySelector(selector)?.textContent?.trim() ?? '';
  return { fixture, host, element, input, type, text };
}

describe('PlannedTimeFieldComponent', () => {
  it('shows a wall clock as a Norwegian date and a 24-hour time, labelled in Norwegian', async () => {
    const { input, text } = await renderInNorwegian('2026-12-07T19:04');
    expect(input('composer-planned-date').value).toBe('07.12.2026');
    expect(input('composer-planned-time').value).toBe('19:04');
    expect(text('.date mat-label')).toBe('Dato');
    expect(text('.time mat-label')).toBe('Klokkeslett');
    expect(text('.hint')).toContain('Europe/Oslo');
  });

  it('reads a date typed the Norwegian way and a time typed short, and hands on the wall clock', async () => {
    const { host, input, type } = await renderInNorwegian();
    await type('composer-planned-date', '13.5.2026');
    expect(host.plannedAt.value).toBe('');
    expect(host.plannedAt.errors).toEqual({ messageKey: 'planning.composer.plannedTimeIncomplete' });
    await type('composer-planned-time', '930');
    expect(input('composer-planned-time').value).toBe('09:30');
    expect(host.plannedAt.value).toBe('2026-05-13T09:30');
    expect(host.plannedAt.valid).toBe(true);
  });

  it('refuses a time it cannot read, and says how to write one', async () => {
    const { host, type, text, fixture } = await renderInNorwegian('2026-05-13T09:30');
    await type('composer-planned-time', '9 pm');
    fixture.detectChanges();
    expect(host.plannedAt.value).toBe('');
    expect(host.plannedAt.invalid).toBe(true);
    expect(text('.time mat-error')).toBe('Ikke et klokkeslett. Skriv det som tt:mm, for eksempel 14:30.');
  });

  it('lets both fields be emptied, which keeps the post an idea', async () => {
    const { host, type } = await renderInNorwegian('2026-05-13T09:30');
    await type('composer-planned-time', '');
    expect(host.plannedAt.invalid).toBe(true);
    await type('composer-planned-date', '');
    expect(host.plannedAt.value).toBe('');
    expect(host.plannedAt.valid).toBe(true);
  });

  it('says that a time in the spring-forward gap moves on, and that a doubled one means the first', async () => {
    const { type, text, fixture } = await renderInNorwegian('2026-03-29T02:30');
    fixture.detectChanges();
    expect(text('[data-testid="composer-planned-dst"]')).toBe(
      'Klokka 02:30 finnes ikke denne natta i Europe/Oslo: klokka stilles fram. Innlegget går ut 03:30.',
    );
    await type('composer-planned-date', '25.10.2026');
    fixture.detectChanges();
    expect(text('[data-testid="composer-planned-dst"]')).toBe(
      'Klokka 02:30 kommer to ganger denne natta i Europe/Oslo fordi klokka stilles tilbake. Den første (UTC+02:00) brukes.',
    );
    await type('composer-planned-time', '12:00');
    fixture.detectChanges();
    expect(text('[data-testid="composer-planned-dst"]')).toBe('');
  });

  it('follows the form when it is disabled', async () => {
    const { host, input, fixture } = await renderInNorwegian('2026-05-13T09:30');
    host.plannedAt.disable();
    await fixture.whenStable();
    expect(input('composer-planned-date').disabled).toBe(true);
    expect(input('composer-planned-time').disabled).toBe(true);
  });
});
