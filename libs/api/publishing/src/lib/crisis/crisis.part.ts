import type { PublishingPart } from '../part';

export const crisisPart: PublishingPart = { controllers: [], providers: [] };
