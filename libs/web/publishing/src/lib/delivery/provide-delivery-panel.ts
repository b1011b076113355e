import type { Provider } from '@angular/core';
import { POST_DELIVERY_PANEL } from '@kadens/web/data-access';

import { DeliveryPanelComponent } from './delivery-panel.component';

/** Lets the composer and the review page show a post's delivery (see POST_DELIVERY_PANEL); provided by the shell. */
export function provideDeliveryPanel(): Provider {
  return { provide: POST_DELIVERY_PANEL, useValue: DeliveryPanelComponent };
}
