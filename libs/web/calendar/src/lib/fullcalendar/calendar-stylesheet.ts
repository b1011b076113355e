import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

/**
 * FullCalendar's stylesheets are built into `fullcalendar.css` (a non-injected global style bundle in
 * web/project.json), so they load with the calendar page instead of with every page of the app.
 */
const CALENDAR_STYLESHEET_URL = 'fullcalendar.css';

/** Waiting longer than this for the stylesheet draws the calendar anyway (a slow network, a blocked file). */
const STYLESHEET_TIMEOUT_MS = 4_000;

@Injectable({ providedIn: 'root' })
export class CalendarStylesheet {
  private readonly document = inject(DOCUMENT);
  private loaded: Promise<void> | null = null;

  /** Adds the stylesheet once; resolves when it has loaded, failed or taken too long. */
  ensureLoaded(): Promise<void> {
    this.loaded ??= new Promise<void>((resolve) => {
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CALENDAR_STYLESHEET_URL;
      link.dataset['kdStylesheet'] = 'fullcalendar';
      const done = () => resolve();
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
      setTimeout(done, STYLESHEET_TIMEOUT_MS);
      this.document.head.appendChild(link);
    });
    return this.loaded;
  }
}
