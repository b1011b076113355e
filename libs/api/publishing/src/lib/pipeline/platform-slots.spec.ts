import { PlatformSlots } from './platform-slots';

describe('PlatformSlots', () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };

  it('runs at most `size` calls at once and lets the waiting ones in first come, first served', async () => {
    const slots = new PlatformSlots(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const calls = gates.map((g, index) =>
      slots.run(async () => {
        started.push(index);
        await g.opened;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    expect(slots.busy).toEqual({ running: 2, waiting: 2 });
    gates[1].open();
    await calls[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    await expect(Promise.all(calls)).resolves.toEqual([0, 1, 2, 3]);
    expect(slots.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot back when a call fails', async () => {
    const slots = new PlatformSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('503')))).rejects.toThrow('503');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
    expect(slots.busy).toEqual({ running: 0, waiting: 0 });
  });
});
