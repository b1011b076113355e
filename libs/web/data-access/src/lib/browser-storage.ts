import { InjectionToken } from '@angular/core';

/**
 * Where small preferences (the last organisation) are remembered. A token so tests can hand in their own
 * and so a browser that refuses storage (private mode, blocked cookies) degrades to "remember nothing".
 */
export const BROWSER_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null>('BROWSER_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      return null;
    }
  },
});
