import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ChannelView, PostView } from '@kadens/shared/contracts';
import { ActiveOrganization, type PlanningCatalog } from '@kadens/web/data-access';

import { PlanningProblems } from '../planning-problems/planning-problems.service';
import { ComposerDialogComponent, type ComposerRequest } from './composer-dialog.component';

const PLANNING_EN = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'planning', 'en.json'), 'utf8'),
) as Record<string, unknown>;

function channel(id: string, platform: ChannelView['platform'], name: string): ChannelView {
  return { id, platform, name, handle: '', responsibleUserId: null, publicDescription: '', status: 'active', createdAt: '' };
}

const CATALOG: PlanningCatalog = {
  organizationId: 'o1',
  timeZone: 'Europe/Oslo',
  themes: [{ id: 't1', name: 'Skole', color: '#1e88e5', description: '', archived: false, createdAt: '' }],
  audiences: [],
  channels: [channel('c-x', 'x', 'Fjordvik på X'), channel('c-bsky', 'bluesky', 'Fjordvik på Bluesky')],
  initiatives: [],
  contentTypes: [{ id: 'ct-news', key: 'news', name: 'News', invitesDialogue: false, archived: false }],
};

const POST: PostView = {
  id: 'p1',
  title: 'Skolestart',
  body: 'Velkommen tilbake!',
  link: null,
  mediaUrls: [],
  contentTypeId: 'ct-news',
  themeId: 't1',
  audienceIds: [],
  initiativeId: null,
  plannedAt: '2026-08-17T06:00:00.000Z',
  invitesDialogue: false,
  state: 'draft',
  revision: 3,
  authorId: 'u1',
  targets: [
    { id: 'tg1', channelId: 'c-x', platform: 'x', textVariant: 'Kort for X', state: 'pending' },
    { id: 'tg2', channelId: 'c-bsky', platform: 'bluesky', textVariant: 'Litt lengre for Bluesky', state: 'pending' },
  ],
  ruleOverride: null,
  createdAt: '',
  updatedAt: '',
} as PostView;

describe('ComposerDialogComponent', () => {
  async function render(request: Omit<ComposerRequest, 'catalog'> = {}) {
    const dialogRef = { close: jest.fn() };
    const problems = { report: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        ComposerDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'planning/en': PLANNING_EN },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { catalog: CATALOG, ...request } },
        { provide: MatDialogRef, useValue: dialogRef },
        { provide: ActiveOrganization, useValue: { can: () => true } },
        { provide: PlanningProblems, useValue: problems },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ComposerDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) => {
      const found = element.querySelector<T>(`[data-testid="${testId}"]`);
      if (!found) throw new Error(`nothing with data-testid="${testId}"`);
      return found;
    };
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    const type = async (testId: string, value: string) => {
      const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(testId);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await settle();
    };
    const click = async (testId: string) => {
      // A chip reacts on its inner action, as a real click in its middle would hit.
      const target = byTestId(testId);
      (target.querySelector<HTMLElement>('.mat-mdc-chip-action') ?? target).click();
      await settle();
    };
    await settle();
    return { fixture, element, byTestId, type, click, settle, http, dialogRef, problems };
  }

  it('counts each chosen channel live by its platform and refuses to save over X’s limit', async () => {
    const { byTestId, type, click, element, http, dialogRef } = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    expect(byTestId<HTMLInputElement>('composer-planned-at').value).toBe('2026-05-12T09:00');
    await type('composer-title', 'Sommerfest');
    await click('composer-channel-c-x');
    await type('composer-body', 'a'.repeat(280));
    expect(byTestId('char-count-x').textContent?.trim()).toBe('280 / 280');
    expect(byTestId('char-count-x').getAttribute('data-over-limit')).toBe('false');

    await type('composer-body', 'a'.repeat(279) + '👋');
    expect(byTestId('char-count-x').textContent?.trim()).toBe('281 / 280 – 1 too many');
    expect(byTestId('char-count-x').getAttribute('data-over-limit')).toBe('true');
    expect(element.querySelector('[data-issue="text.too_long"]')?.textContent?.trim()).toBe('Too long: 281 of at most 280.');

    await click('composer-save');
    expect(byTestId('composer-blocked').textContent).toContain('A channel’s rules stop this post');
    http.expectNone('/api/organizations/o1/posts');
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('sends a new post with its time as an instant and its targets in channel order', async () => {
    const { type, click, http, dialogRef, settle } = await render({ plannedAt: '2026-05-12T07:00:00.000Z' });
    await type('composer-title', 'Sommerfest');
    await type('composer-body', 'Velkommen!');
    await click('composer-channel-c-bsky');
    await click('composer-channel-c-x');
    await click('composer-save');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts' });
    expect(request.request.body).toEqual({
      title: 'Sommerfest',
      body: 'Velkommen!',
      link: null,
      mediaUrls: [],
      contentTypeId: 'ct-news',
      themeId: 't1',
      audienceIds: [],
      initiativeId: null,
      plannedAt: '2026-05-12T07:00:00.000Z',
      invitesDialogue: false,
      targets: [
        { channelId: 'c-x', textVariant: null },
        { channelId: 'c-bsky', textVariant: null },
      ],
    });
    request.flush({ ...POST, id: 'p9' });
    await settle();
    expect(dialogRef.close).toHaveBeenCalledWith({ kind: 'saved', post: { ...POST, id: 'p9' } });
  });

  it('shows the revision when editing, and puts a refused variant’s message next to that variant', async () => {
    const { byTestId, click, http, settle, element, dialogRef, problems } = await render({ postId: 'p1' });
    http.expectOne({ method: 'GET', url: '/api/organizations/o1/posts/p1' }).flush(POST);
    await settle();
    expect(byTestId('composer-revision').textContent?.trim()).toBe('Revision 3');
    expect(byTestId<HTMLInputElement>('composer-planned-at').value).toBe('2026-08-17T08:00');
    expect(byTestId<HTMLTextAreaElement>('composer-variant-text-c-bsky').value).toBe('Litt lengre for Bluesky');

    await click('composer-save');
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' });
    expect(request.request.body.targets).toEqual([
      { channelId: 'c-x', textVariant: 'Kort for X' },
      { channelId: 'c-bsky', textVariant: 'Litt lengre for Bluesky' },
    ]);
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'targets.1.textVariant: …',
        code: 'platform_rules',
        errors: [{ field: 'targets.1.textVariant', messages: ['text.too_long on Fjordvik på Bluesky (bluesky)'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const errorNextTo = (testId: string) => byTestId(testId).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
    expect(errorNextTo('composer-variant-text-c-bsky')).toBe('text.too_long on Fjordvik på Bluesky (bluesky)');
    expect(errorNextTo('composer-variant-text-c-x')).toBe('');
    expect(element.querySelector('[data-testid="composer"]')).not.toBeNull();
    expect(dialogRef.close).not.toHaveBeenCalled();
    expect(problems.report).not.toHaveBeenCalled();
  });
});
