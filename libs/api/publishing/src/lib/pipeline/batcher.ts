import type { Logger } from '@nestjs/common';

const MAX_BATCH = 200;

interface Waiting<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Items that arrive while a batch is being written wait for the next one: one transaction for all
 * that came meanwhile. At low load a batch is a single item and nothing waits; in a burst, 50
 * concurrent publishes claim and settle in a handful of transactions. A batch that fails is written
 * again one item at a time, so one bad row cannot hold the others back.
 */
export class Batcher<In, Out> {
  private readonly waiting: Array<Waiting<In, Out>> = [];
  private running = false;

  constructor(
    private readonly name: string,
    /** Answers each item, in order. */
    private readonly write: (items: In[]) => Promise<Out[]>,
    private readonly logger: Logger,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) await this.writeBatch(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Array<Waiting<In, Out>>): Promise<void> {
    try {
      const answers = await this.write(batch.map((w) => w.item));
      batch.forEach((w, index) => w.resolve(answers[index] as Out));
      return;
    } catch (error) {
      const [only] = batch;
      if (only !== undefined && batch.length === 1) {
        only.reject(error);
        return;
      }
      this.logger.warn(
        `${this.name}: writing ${batch.length} together failed (${error instanceof Error ? error.message : String(error)}); writing them one by one`,
      );
    }
    for (const w of batch) {
      try {
        const [answer] = await this.write([w.item]);
        w.resolve(answer as Out);
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
