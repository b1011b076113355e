/** The archive time after a PATCH: archiving twice keeps the first time; `undefined` leaves it as it was. */
export function archivedAtAfter(current: Date | null, archived: boolean | undefined): Date | null {
  if (archived === undefined) return current;
  return archived ? (current ?? new Date()) : null;
}
