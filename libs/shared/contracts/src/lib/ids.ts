/** Ids are UUIDs; the aliases say which entity an id belongs to. */
export type UserId = string;
export type OrganizationId = string;
