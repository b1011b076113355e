/**
 * How many platform calls run at once (PUBLISH_CONCURRENCY), apart from how many jobs a worker takes from
 * the queue: a job claims its target while it waits for a slot, and settles after giving the slot back, so
 * the slots are never idle while a claim or an outcome is written. First come, first served.
 */
export class PlatformSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }

  /** Calls running now, and jobs claimed and waiting for a slot. */
  get busy(): { running: number; waiting: number } {
    return { running: this.size - this.free, waiting: this.waiting.length };
  }
}
