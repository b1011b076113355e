import type { Routes } from '@angular/router';
import { EVALUATION_PAGE_ROUTES } from '@kadens/web/evaluation';
import { REPORTS_EVALUATION_PATH, REPORTS_PAGE_ROUTES } from '@kadens/web/reports';

/**
 * The Reports area: the Reports page (its own library, loaded when first opened). The evaluation page
 * (`REPORTS_EVALUATION_PATH`, its own library) is mounted here beside it: web features do not import
 * each other, so the app puts them together.
 */
export const REPORTS_ROUTES: Routes = [...REPORTS_PAGE_ROUTES, { path: REPORTS_EVALUATION_PATH, children: EVALUATION_PAGE_ROUTES }];
