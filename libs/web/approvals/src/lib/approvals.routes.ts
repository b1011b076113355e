import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { APPROVALS_PATHS, PLANNING_SCOPE, REVIEW_POST_ID_PARAM, unsavedComposerGuard } from '@kadens/web/data-access';

import { APPROVALS_SCOPE } from './i18n/approvals-scope';

/**
 * The approvals area: the inbox, the approval settings, the audit log and one post's review screen.
 * Texts come from the approvals scope; the planning scope words the channels' broken rules as the composer does.
 */
export const APPROVALS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(APPROVALS_SCOPE, PLANNING_SCOPE)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./inbox/inbox-page.component').then((m) => m.InboxPageComponent),
        title: 'nav.approvals',
      },
      {
        path: APPROVALS_PATHS.settings,
        loadComponent: () => import('./settings/approval-settings-page.component').then((m) => m.ApprovalSettingsPageComponent),
        title: 'nav.approvals',
      },
      {
        path: APPROVALS_PATHS.audit,
        loadComponent: () => import('./audit/audit-log-page.component').then((m) => m.AuditLogPageComponent),
        title: 'nav.approvals',
      },
      {
        path: `:${REVIEW_POST_ID_PARAM}`,
        loadComponent: () => import('./review/review-page.component').then((m) => m.ReviewPageComponent),
        // The author edits from the review page in the composer: leaving with unsaved text asks first.
        canDeactivate: [unsavedComposerGuard],
        title: 'nav.approvals',
      },
    ],
  },
];
