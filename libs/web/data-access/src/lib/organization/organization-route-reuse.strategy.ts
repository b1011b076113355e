import { Injectable } from '@angular/core';
import { type ActivatedRouteSnapshot, BaseRouteReuseStrategy } from '@angular/router';

import { ORGANIZATION_ID_PARAM } from '../app-paths';

/**
 * Never reuses a page across organisations: switching organisation builds every component under
 * `/o/:organizationId` afresh, so no half-filled form or loaded list of one organisation lingers in
 * the next one.
 */
@Injectable()
export class OrganizationRouteReuseStrategy extends BaseRouteReuseStrategy {
  override shouldReuseRoute(future: ActivatedRouteSnapshot, current: ActivatedRouteSnapshot): boolean {
    return (
      super.shouldReuseRoute(future, current) && future.paramMap.get(ORGANIZATION_ID_PARAM) === current.paramMap.get(ORGANIZATION_ID_PARAM)
    );
  }
}
