import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LinkPreview, Locale } from '@kadens/shared/contracts';
import { translocoTesting } from '@kadens/web/ui/testing';

import { LinkPreviewCardComponent } from './link-preview-card.component';

const LOCALES: Locale[] = ['nb', 'da', 'sv', 'en'];
const linksTranslations = (locale: Locale) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'links', `${locale}.json`), 'utf8'),
  ) as {
    preview: Record<string, string>;
  };
const PREVIEW: LinkPreview = {
  url: 'https://fjordvik.kommune.no/skolemat',
  title: 'Skolemat fra januar',
  description: 'Gratis lunsj for alle elever.',
  imageUrl: 'https://fjordvik.kommune.no/lunsj.jpg',
  siteName: 'Fjordvik kommune',
};
const API = '/api/organizations/o1/link-preview';

async function render(link: string) {
  TestBed.configureTestingModule({
    imports: [LinkPreviewCardComponent, translocoTesting('en', { en: {}, 'links/en': linksTranslations('en') })],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(LinkPreviewCardComponent);
  fixture.componentRef.setInput('organizationId', 'o1');
  fixture.componentRef.setInput('link', link);
  fixture.componentRef.setInput('pauseMs', 10);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async (ms = 0) => {
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      fixture.detectChanges();
    }
  };
  fixture.detectChanges();
  return { fixture, element, http, settle };
}

describe('the link preview card', () => {
  it('shows the card after typing pauses: an article with a heading, the image through Kadens with the title as alt', async () => {
    const { element, http, settle } = await render('https://fjordvik.kommune.no/skolemat');
    http.expectNone((request) => request.url === API);
    await settle(30);
    const request = http.expectOne((r) => r.url === API);
    expect(request.request.params.get('url')).toBe('https://fjordvik.kommune.no/skolemat');
    request.flush(PREVIEW);
    await settle();

    const card = element.querySelector('article[data-testid="link-preview-card"]');
    expect(card?.getAttribute('aria-label')).toBe('Link preview');
    expect(card?.querySelector('h4')?.textContent?.trim()).toBe('Skolemat fra januar');
    expect(card?.textContent).toContain('Gratis lunsj for alle elever.');
    expect(card?.textContent).toContain('Fjordvik kommune');
    const image = card?.querySelector('img');
    expect(image?.getAttribute('alt')).toBe('Skolemat fra januar');
    expect(image?.getAttribute('src')).toBe(`${API}/image?url=${encodeURIComponent(PREVIEW.imageUrl ?? '')}`);
    http.verify();
  });

  it('says quietly that no preview is available when the page cannot be read', async () => {
    const { element, http, settle } = await render('https://nowhere.example/');
    await settle(30);
    http.expectOne((r) => r.url === API).flush({ code: 'link_unreachable' }, { status: 502, statusText: 'Bad Gateway' });
    await settle();
    expect(element.querySelector('[data-testid="link-preview-card"]')).toBeNull();
    expect(element.querySelector('[data-testid="link-preview-unavailable"]')?.textContent?.trim()).toBe(
      'No preview available for this link.',
    );
  });

  it('asks nothing for text that is not an http(s) address', async () => {
    const { element, http, settle } = await render('kommune.no');
    await settle(30);
    http.expectNone((r) => r.url === API);
    expect(element.querySelector('[data-testid="link-preview"]')?.textContent?.trim()).toBe('');
  });

  it('has every text in nb, da, sv and en', () => {
    const keys = (locale: Locale) => Object.keys(linksTranslations(locale).preview).sort();
    for (const locale of LOCALES) expect(keys(locale)).toEqual(['label', 'loading', 'unavailable']);
  });
});
