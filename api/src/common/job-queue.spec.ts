import { JobQueue } from './job-queue.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('JobQueue', () => {
  it('runs one job at a time, queues up to the limit and refuses beyond it', async () => {
    const queue = new JobQueue(1, 1);
    const gate = deferred();
    const order: string[] = [];
    const first = queue.run(
      async () => {
        order.push('first');
        await gate.promise;
      },
      () => new Error('full'),
    );
    const second = queue.run(
      () => {
        order.push('second');
        return Promise.resolve();
      },
      () => new Error('full'),
    );
    await expect(
      queue.run(
        () => Promise.resolve(undefined),
        () => new Error('full'),
      ),
    ).rejects.toThrow('full');
    expect(order).toEqual(['first']);
    expect(queue.size).toEqual({ running: 1, waiting: 1 });
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a job fails', async () => {
    const queue = new JobQueue(1, 0);
    await expect(
      queue.run(
        () => Promise.reject(new Error('boom')),
        () => new Error('full'),
      ),
    ).rejects.toThrow('boom');
    await expect(
      queue.run(
        () => Promise.resolve(42),
        () => new Error('full'),
      ),
    ).resolves.toBe(42);
  });
});
