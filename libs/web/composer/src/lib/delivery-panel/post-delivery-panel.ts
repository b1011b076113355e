import { InjectionToken, type Type } from '@angular/core';

/**
 * A panel the composer shows under a saved post, created with the inputs `post` (PostView) and
 * `catalog` (PlanningCatalog): the publishing library's delivery panel. The composer cannot import it
 * (the publishing screens open the composer), so whoever hosts both provides it; without a provider
 * the composer shows no panel.
 */
export const POST_DELIVERY_PANEL = new InjectionToken<Type<unknown> | null>('POST_DELIVERY_PANEL', {
  providedIn: 'root',
  factory: () => null,
});
