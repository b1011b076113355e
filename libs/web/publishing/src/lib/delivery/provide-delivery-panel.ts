import type { Provider } from '@angular/core';
import { POST_DELIVERY_PANEL } from '@kadens/web/composer';

import { DeliveryPanelComponent } from './delivery-panel.component';

/** Lets the composer show each saved post's delivery (see POST_DELIVERY_PANEL); provided by the shell. */
export function provideDeliveryPanel(): Provider {
  return { provide: POST_DELIVERY_PANEL, useValue: DeliveryPanelComponent };
}
