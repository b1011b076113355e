import { ATTENTION_REASONS, type AttentionItem, type AttentionReason } from '@kadens/shared/contracts';

/** The items of one reason, in the order the list shows reasons: the most urgent first. */
interface AttentionGroup<T extends AttentionItem = AttentionItem> {
  reason: AttentionReason;
  items: T[];
}

/** Soonest planned first; targets without a time last, then the longest waiting first. */
function bySoonestPlanned(a: AttentionItem, b: AttentionItem): number {
  const planned = (item: AttentionItem) => (item.plannedAt ? Date.parse(item.plannedAt) : Number.POSITIVE_INFINITY);
  return planned(a) - planned(b) || Date.parse(a.since) - Date.parse(b.since);
}

/** Groups the list by reason (only reasons that have items), or keeps the one reason asked for. */
export function groupByReason<T extends AttentionItem>(items: readonly T[], only: AttentionReason | null): AttentionGroup<T>[] {
  return ATTENTION_REASONS.filter((reason) => only === null || reason === only)
    .map((reason) => ({ reason, items: items.filter((item) => item.reason === reason).sort(bySoonestPlanned) }))
    .filter((group) => group.items.length > 0);
}

/** How many items each reason has, for the filter's labels. */
export function countByReason(items: readonly AttentionItem[]): Record<AttentionReason, number> {
  const counts = Object.fromEntries(ATTENTION_REASONS.map((reason) => [reason, 0])) as Record<AttentionReason, number>;
  for (const item of items) counts[item.reason]++;
  return counts;
}
