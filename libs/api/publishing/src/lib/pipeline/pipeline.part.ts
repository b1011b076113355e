import type { PublishingPart } from '../part';

export const pipelinePart: PublishingPart = { controllers: [], providers: [] };
