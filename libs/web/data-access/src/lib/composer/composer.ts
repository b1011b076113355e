import { inject, InjectionToken, Injector, type Provider, type Type } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import type { ChannelView, OrganizationId, PostView, Violation } from '@kadens/shared/contracts';

import type { PlanningCatalog } from '../planning/planning-catalog.api';

/**
 * The translation scope of the calendar and the composer: `web/public/i18n/planning/<locale>.json`,
 * loaded with the page that needs it; its keys read `planning.…`. Broken channel rules are worded in
 * it wherever they are shown (the composer, the calendar, the review page).
 */
export const PLANNING_SCOPE = 'planning';

/** What the composer is opened for. */
export interface ComposerRequest {
  catalog: PlanningCatalog;
  /** The post to edit; absent to write a new one. */
  postId?: string;
  /** Where a new post goes (an ISO instant); absent or null leaves its time open. */
  plannedAt?: string | null;
}

export type ComposerResult =
  { kind: 'saved'; post: PostView } | { kind: 'submitted'; post: PostView } | { kind: 'deleted'; postId: string };

/**
 * The post composer as the pages that open it see it. Feature libraries do not import each other:
 * the app (the composition root) provides the composer library's implementation with `provideComposer`,
 * and the calendar, review and publishing pages inject this token.
 */
export interface Composer {
  /** Opens the composer; resolves with what was saved or deleted, or null. */
  open(request: ComposerRequest, injector?: Injector): Promise<ComposerResult | null>;
  /** True when no composer holds unsaved changes, or the person chose to discard them. */
  mayLeave(): Promise<boolean>;
  /** Asks an approver or admin for the reason to override blocking rules; null when they thought better of it. */
  askRuleOverride(violations: readonly Violation[], catalog: PlanningCatalog): Promise<string | null>;
  /** Says why the API refused a planning change (a move, a save), in the person's language. */
  reportPlanningProblem(error: unknown, catalog: PlanningCatalog): void;
}

export const COMPOSER = new InjectionToken<Composer>('COMPOSER');

/**
 * Provides COMPOSER with the implementation `load` brings, loaded on first use, so the composer's code
 * stays out of the first download: `provideComposer(() => import('@kadens/web/composer').then((m) => m.ComposerLauncher))`.
 */
export function provideComposer(load: () => Promise<Type<Composer>>): Provider {
  return { provide: COMPOSER, useFactory: () => new LazyComposer(inject(Injector), load) };
}

class LazyComposer implements Composer {
  private loaded: Promise<Composer> | null = null;

  constructor(
    private readonly injector: Injector,
    private readonly load: () => Promise<Type<Composer>>,
  ) {}

  async open(request: ComposerRequest, injector?: Injector): Promise<ComposerResult | null> {
    return (await this.composer()).open(request, injector);
  }

  /** A composer never loaded was never open, so nothing unsaved can be lost. */
  async mayLeave(): Promise<boolean> {
    return this.loaded ? (await this.loaded).mayLeave() : true;
  }

  async askRuleOverride(violations: readonly Violation[], catalog: PlanningCatalog): Promise<string | null> {
    return (await this.composer()).askRuleOverride(violations, catalog);
  }

  reportPlanningProblem(error: unknown, catalog: PlanningCatalog): void {
    void this.composer().then((composer) => composer.reportPlanningProblem(error, catalog));
  }

  private composer(): Promise<Composer> {
    this.loaded ??= this.load().then((type) => this.injector.get(type));
    return this.loaded;
  }
}

/**
 * For routes the composer can be open over: navigating away (the back button, a link) asks first
 * while it holds unsaved changes. Without it the composer stays open over the new page and asks then.
 */
export const unsavedComposerGuard: CanDeactivateFn<unknown> = () => inject(COMPOSER).mayLeave();

/** What a delivery panel needs besides the post: where, in which zone, and the channels' names. */
export interface DeliveryContext {
  organizationId: OrganizationId;
  timeZone: string;
  channels: readonly Pick<ChannelView, 'id' | 'name' | 'platform'>[];
}

/**
 * A panel shown under a saved post, created with the inputs `post` (PostView) and `catalog`
 * (DeliveryContext; a PlanningCatalog will do): the publishing library's delivery panel, shown by the
 * composer and the review page. The app provides it; without a provider no panel is shown.
 */
export const POST_DELIVERY_PANEL = new InjectionToken<Type<unknown> | null>('POST_DELIVERY_PANEL', {
  providedIn: 'root',
  factory: () => null,
});
