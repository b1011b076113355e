import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kadens:isPublic';

/** Marks a route that answers without a login (health, login itself, the public availability pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
