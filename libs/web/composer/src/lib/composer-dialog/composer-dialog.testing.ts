import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ChannelView, PostView, Role } from '@kadens/shared/contracts';
import { hasPermission, type Permission } from '@kadens/shared/rules';
import { ActiveOrganization, type PlanningCatalog } from '@kadens/web/data-access';
import { translocoTesting } from '@kadens/web/ui/testing';
import { Subject } from 'rxjs';

import { mediaTranslations } from '../media/media-translations.testing';
import { PlanningProblems } from '../planning-problems/planning-problems.service';
import { RuleOverrides } from '../rule-override/rule-overrides.service';
import { UnsavedChanges } from '../unsaved-changes/unsaved-changes';
import { planningTranslations } from '../testing/planning-translations.testing';
import { ComposerDialogComponent, type ComposerRequest } from './composer-dialog.component';

export function channel(id: string, platform: ChannelView['platform'], name: string): ChannelView {
  return { id, platform, name, handle: '', responsibleUserId: null, publicDescription: '', status: 'active', createdAt: '' };
}

export const CATALOG: PlanningCatalog = {
  organizationId: 'o1',
  timeZone: 'Europe/Oslo',
  themes: [{ id: 't1', name: 'Skole', color: '#1e88e5', description: '', archived: false, createdAt: '' }],
  audiences: [],
  channels: [channel('c-x', 'x', 'Fjordvik på X'), channel('c-bsky', 'bluesky', 'Fjordvik på Bluesky')],
  initiatives: [],
  contentTypes: [{ id: 'ct-news', key: 'news', name: 'News', invitesDialogue: false, archived: false }],
};

export const POST: PostView = {
  id: 'p1',
  title: 'Skolestart',
  body: 'Velkommen tilbake!',
  link: null,
  mediaUrls: [],
  mediaIds: [],
  media: [],
  contentTypeId: 'ct-news',
  themeId: 't1',
  audienceIds: [],
  initiativeId: null,
  plannedAt: '2026-08-17T06:00:00.000Z',
  invitesDialogue: false,
  sensitive: false,
  state: 'draft',
  revision: 3,
  authorId: 'u1',
  revisionAuthorId: 'u1',
  targets: [
    { id: 'tg1', channelId: 'c-x', platform: 'x', textVariant: 'Kort for X', state: 'pending' },
    { id: 'tg2', channelId: 'c-bsky', platform: 'bluesky', textVariant: 'Litt lengre for Bluesky', state: 'pending' },
  ],
  ruleOverride: null,
  createdAt: '',
  updatedAt: '',
};

export interface RenderOptions extends Omit<ComposerRequest, 'catalog'> {
  /** The user's role; admin (who may do everything) unless given. */
  role?: Role;
  /** More providers, e.g. what another library plugs into the composer. */
  providers?: Provider[];
}

/** The composer as a user in the role sees it, in English, with the HTTP backend under the test's control. */
export async function renderComposer(options: RenderOptions = {}) {
  const { role = 'admin', providers = [], ...request } = options;
  const keydown = new Subject<KeyboardEvent>();
  const backdrop = new Subject<MouseEvent>();
  const dialogRef = { close: jest.fn(), keydownEvents: () => keydown.asObservable(), backdropClick: () => backdrop.asObservable() };
  const unsavedChanges = { askToDiscard: jest.fn<Promise<boolean>, []>(), register: () => () => undefined };
  const problems = { report: jest.fn() };
  const overrides = { askReason: jest.fn<Promise<string | null>, unknown[]>() };
  TestBed.configureTestingModule({
    imports: [
      ComposerDialogComponent,
      translocoTesting('en', { en: {}, 'planning/en': planningTranslations('en'), 'media/en': mediaTranslations('en') }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { catalog: CATALOG, ...request } },
      { provide: MatDialogRef, useValue: dialogRef },
      { provide: ActiveOrganization, useValue: { can: (permission: Permission) => hasPermission(role, permission) } },
      { provide: PlanningProblems, useValue: problems },
      { provide: RuleOverrides, useValue: overrides },
      { provide: UnsavedChanges, useValue: unsavedChanges },
      ...providers,
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ComposerDialogComponent);
  const element = fixture.nativeElement as HTMLElement;
  const query = (testId: string) => element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
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
    // A chip or toggle reacts on its inner control, as a real click in its middle would hit.
    const target = byTestId(testId);
    (target.querySelector<HTMLElement>('.mat-mdc-chip-action, button') ?? target).click();
    await settle();
  };
  await settle();
  const pressEscape = async () => {
    keydown.next(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
  };
  const clickBackdrop = async () => {
    backdrop.next(new MouseEvent('click'));
    await settle();
  };
  return {
    fixture,
    element,
    query,
    byTestId,
    type,
    click,
    settle,
    http,
    dialogRef,
    problems,
    overrides,
    unsavedChanges,
    pressEscape,
    clickBackdrop,
  };
}
