/**
 * TypeORM's `query()` answers an UPDATE … RETURNING on PostgreSQL with `[rows, rowCount]`, and a
 * SELECT or INSERT … RETURNING with the rows alone; this reads the rows out of either.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
