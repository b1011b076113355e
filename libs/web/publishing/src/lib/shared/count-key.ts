/** `base.one` for one, `base.other` for any other number: the scope's way of counting. */
export function countKey(base: string, count: number): string {
  return `${base}.${count === 1 ? 'one' : 'other'}`;
}
