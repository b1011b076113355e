/**
 * The positions to save when an item moves one place up (-1) or down (+1) among the active items:
 * every item gets its index as its position, and only the ones whose position differs are returned,
 * so equal or sparse positions left by earlier edits are tidied on the way.
 */
export function reorderedPositions(
  items: readonly { id: string; position: number }[],
  itemId: string,
  offset: -1 | 1,
): Array<{ id: string; position: number }> {
  const from = items.findIndex((item) => item.id === itemId);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= items.length) return [];
  const order = [...items];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);
  return order
    .map((item, index) => ({ id: item.id, position: index + 1, before: item.position }))
    .filter((item) => item.position !== item.before)
    .map(({ id, position }) => ({ id, position }));
}
