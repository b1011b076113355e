import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { CalendarEntry, OrganizationView } from '@kadens/shared/contracts';
import { ComposerLauncher } from '@kadens/web/composer';
import { ActiveOrganization, LanguageService, PublishingStream, type TargetDeliveryChange } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { Subject } from 'rxjs';

import { CalendarStylesheet } from '../fullcalendar/calendar-stylesheet';
import { withTargetState } from './calendar-live-deliveries';
import { CalendarPageComponent } from './calendar-page.component';

const SCHOOL = '0b0c6a43-6f4c-4d8e-9a3f-1b2c3d4e5f60';

function entry(id: string, states: CalendarEntry['targets'][number]['state'][]): CalendarEntry {
  return {
    id,
    title: `Post ${id}`,
    plannedAt: '2026-05-12T07:00:00.000Z',
    state: 'approved',
    themeId: SCHOOL,
    contentTypeId: 'ct1',
    initiativeId: null,
    invitesDialogue: false,
    audienceIds: [],
    targets: states.map((state, index) => ({ id: `t-${id}-${index}`, channelId: `c${index}`, platform: index ? 'facebook' : 'x', state })),
  };
}

describe('withTargetState', () => {
  const entries = [entry('p1', ['scheduled', 'scheduled']), entry('p2', ['scheduled'])];

  it('changes only the target that changed', () => {
    const next = withTargetState(entries, { targetId: 't-p1-1', postId: 'p1', channelId: 'c1', state: 'published' });
    expect(next[0]?.targets.map((target) => target.state)).toEqual(['scheduled', 'published']);
    expect(next[1]).toBe(entries[1]);
    expect(entries[0]?.targets[1]?.state).toBe('scheduled');
  });

  it('keeps the same entries when the target is not shown', () => {
    expect(withTargetState(entries, { targetId: 't-p9-0', postId: 'p9', channelId: 'c0', state: 'failed' })).toBe(entries);
  });
});

describe('CalendarPageComponent, live', () => {
  it('moves the delivery marks as targets change, without loading again, and loads again after the stream was down', async () => {
    const changes = new Subject<TargetDeliveryChange>();
    const resyncs = new Subject<void>();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'planning/en': {}, 'publishing/en': {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([{ path: 'o/:organizationId/calendar', component: CalendarPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActiveOrganization, useValue: { organizationId: signal('o1'), can: () => true } },
        { provide: LanguageService, useValue: { locale: signal('en') } },
        { provide: CalendarStylesheet, useValue: { ensureLoaded: () => Promise.resolve() } },
        { provide: ProblemNotifier, useValue: { report: jest.fn(), announce: jest.fn() } },
        { provide: ComposerLauncher, useValue: { open: jest.fn().mockResolvedValue(null) } },
        { provide: PublishingStream, useValue: { targetChanges$: changes, resynced$: resyncs } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/o/o1/calendar?view=month&date=2026-05-12', CalendarPageComponent);
    const settle = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await harness.fixture.whenStable();
    };
    const base = '/api/organizations/o1';
    http.expectOne(base).flush({ id: 'o1', timeZone: 'Europe/Oslo' } as OrganizationView);
    http.expectOne(`${base}/themes?includeArchived=true`).flush([{ id: SCHOOL, name: 'Skole', color: '#1e88e5', description: '', archived: false, createdAt: '' }]);
    for (const path of ['audiences?includeArchived=true', 'channels', 'initiatives', 'content-types?includeArchived=true']) {
      http.expectOne(`${base}/${path}`).flush([]);
    }
    await settle();
    const calendar = () => http.match((request) => request.url === `${base}/calendar`);
    calendar()[0]?.flush([entry('p1', ['queued', 'scheduled'])]);
    http.match(() => true).forEach((request) => request.flush([]));
    await settle();
    const element = harness.routeNativeElement as HTMLElement;
    const marks = () => [...element.querySelectorAll('[data-testid="calendar-post-p1"] kd-target-delivery-mark [data-state]')].map((mark) => mark.getAttribute('data-state'));
    expect(marks()).toEqual(['queued', 'scheduled']);

    changes.next({ targetId: 't-p1-0', postId: 'p1', channelId: 'c0', state: 'published' });
    await settle();
    expect(marks()).toEqual(['published', 'scheduled']);
    expect(calendar()).toHaveLength(0);

    resyncs.next();
    await settle();
    expect(calendar()).toHaveLength(1);
  });
});
