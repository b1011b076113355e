import type { PublishingPart } from '../part';

export const eventsPart: PublishingPart = { controllers: [], providers: [] };
