/**
 * The one row an `INSERT … RETURNING` or a lookup that cannot miss gave back. With `noUncheckedIndexedAccess`
 * `rows[0]` may be undefined; this names the statement when the impossible happens instead of a TypeError.
 */
export function returnedRow<Row>(rows: readonly Row[], statement: string): Row {
  const [row] = rows;
  if (row === undefined) throw new Error(`${statement} returned no row`);
  return row;
}
