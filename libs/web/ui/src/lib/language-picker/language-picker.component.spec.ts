import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';

import { LanguagePickerComponent } from './language-picker.component';

describe('LanguagePickerComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [
        LanguagePickerComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { language: { label: 'Language' } } },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
    });
    const fixture = TestBed.createComponent(LanguagePickerComponent);
    fixture.componentRef.setInput('locale', 'nb');
    const chosen: string[] = [];
    fixture.componentInstance.localeChange.subscribe((locale) => chosen.push(locale));
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="language-picker"]' }));
    return { fixture, select, chosen };
  }

  it('lists every language in its own words, with stable test ids', async () => {
    const { select, fixture } = await render();
    expect(await select.getValueText()).toBe('Norsk bokmål');
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Norsk bokmål', 'Dansk', 'Svenska', 'English']);
    const ids = [...document.querySelectorAll('mat-option')].map((option) => option.getAttribute('data-testid'));
    expect(ids).toEqual(['language-option-nb', 'language-option-da', 'language-option-sv', 'language-option-en']);
    expect(fixture.nativeElement.querySelector('mat-label').textContent).toContain('Language');
  });

  it('emits the chosen language', async () => {
    const { select, chosen } = await render();
    await select.open();
    await select.clickOptions({ text: 'English' });
    expect(chosen).toEqual(['en']);
  });
});
