import type { Injector } from '@angular/core';
import type { OrganizationView } from '@kadens/shared/contracts';

/**
 * Opens the settings library's "create organisation" dialog, loading that library only when someone
 * actually creates an organisation, so it stays out of the first download.
 */
export async function openCreateOrganizationDialog(injector: Injector): Promise<OrganizationView | null> {
  const { CreateOrganizationLauncher } = await import('@kadens/web/settings');
  return injector.get(CreateOrganizationLauncher).open();
}
