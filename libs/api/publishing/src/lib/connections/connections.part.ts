import type { PublishingPart } from '../part';

export const connectionsPart: PublishingPart = { controllers: [], providers: [] };
