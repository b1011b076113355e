import type { PublishingPart } from '../part';

export const attentionPart: PublishingPart = { controllers: [], providers: [] };
