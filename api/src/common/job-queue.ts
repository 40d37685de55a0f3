/**
 * At most `concurrency` jobs at once, at most `limit` waiting; a job that would be the
 * (limit + 1)-th waiter is refused at once instead of queuing behind minutes of work. In front of the
 * report renderer (browser contexts) and of downloads (each holds a database connection while it runs).
 */
export class JobQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly limit: number,
  ) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `job` when a slot is free; `onRefused` builds the error when the queue is full. */
  async run<T>(job: () => Promise<T>, onRefused: () => Error): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.limit) throw onRefused();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays the same.
      if (next) next();
      else this.running -= 1;
    }
  }
}
