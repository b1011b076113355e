import type { InstallationRights } from '@kadens/shared/contracts';

import type { AppConfig } from '../config/app-config';

/** Whether the e-mail is one of the installation's operators (OPERATOR_EMAILS, compared lower-cased). */
export function isOperator(config: AppConfig, email: string): boolean {
  return config.installation.operatorEmails.includes(email.trim().toLowerCase());
}

/** What the installation lets this person do beyond their organisations. */
export function installationRights(config: AppConfig, email: string): InstallationRights {
  const operator = isOperator(config, email);
  return { operator, mayCreateOrganizations: operator || config.installation.organizationCreators === 'everyone' };
}
