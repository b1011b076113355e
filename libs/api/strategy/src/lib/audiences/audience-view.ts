import type { AudienceView, EffectTarget } from '@kadens/shared/contracts';

import type { Audience } from './audience.entity';

export function toAudienceView(audience: Audience, channelIds: string[]): AudienceView {
  return {
    id: audience.id,
    name: audience.name,
    description: audience.description,
    communicationGoal: audience.communicationGoal,
    effectGoal: audience.effectGoal,
    effectTarget: effectTargetOf(audience),
    channelIds,
    archived: audience.archivedAt !== null,
    createdAt: audience.createdAt.toISOString(),
  };
}

function effectTargetOf(audience: Audience): EffectTarget | null {
  const { effectMetric: metric, effectValue: value, effectPeriod: period } = audience;
  return metric !== null && value !== null && period !== null ? { metric, value, period } : null;
}

/** The three columns behind an effect target; null clears them together. */
export function effectColumns(target: EffectTarget | null): Pick<Audience, 'effectMetric' | 'effectValue' | 'effectPeriod'> {
  return { effectMetric: target?.metric ?? null, effectValue: target?.value ?? null, effectPeriod: target?.period ?? null };
}
