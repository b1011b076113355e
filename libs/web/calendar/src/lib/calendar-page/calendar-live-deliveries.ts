import { inject, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CalendarEntry } from '@kadens/shared/contracts';
import { PublishingStream, type TargetDeliveryChange } from '@kadens/web/data-access';

/** The entries with one target's new delivery state (a target is its post's channel); the same array when no entry shown has that target. */
export function withTargetState(entries: CalendarEntry[], change: TargetDeliveryChange): CalendarEntry[] {
  const index = entries.findIndex(
    (entry) => entry.id === change.postId && entry.targets.some((target) => target.channelId === change.channelId),
  );
  const entry = entries[index];
  if (!entry) return entries;
  const targets = entry.targets.map((target) => (target.channelId === change.channelId ? { ...target, state: change.state } : target));
  return entries.map((candidate, at) => (at === index ? { ...entry, targets } : candidate));
}

/**
 * Keeps the calendar's delivery states live: each target change from the publishing stream is
 * applied to the entries shown, and after the stream was down the entries are loaded again (changes
 * may have been missed). Call in an injection context; it stops with the page.
 */
export function followLiveDeliveries(entries: WritableSignal<CalendarEntry[]>, reload: () => void): void {
  const stream = inject(PublishingStream);
  stream.targetChanges$.pipe(takeUntilDestroyed()).subscribe((change) => entries.update((shown) => withTargetState(shown, change)));
  stream.resynced$.pipe(takeUntilDestroyed()).subscribe(() => reload());
}
