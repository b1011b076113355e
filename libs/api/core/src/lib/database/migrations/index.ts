import { AccountsAndOrganizations1763780000000 } from './1763780000000-accounts-and-organizations';

/** Every migration, oldest first. Listed by hand so that the bundled app needs no file globbing. */
export const MIGRATIONS = [AccountsAndOrganizations1763780000000];
