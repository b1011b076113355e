import type { PublishingPart } from '../part';
import { ConnectionsController } from './connections.controller';
import { CredentialsCipher } from './credentials-cipher';

/** ConnectionsService itself is provided (and exported) by the module, for the publisher. */
export const connectionsPart: PublishingPart = { controllers: [ConnectionsController], providers: [CredentialsCipher] };
