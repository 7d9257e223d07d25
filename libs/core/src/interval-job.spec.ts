import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntervalJob } from './interval-job';

class CountingJob extends IntervalJob {
  runs = 0;
  release: (() => void) | undefined;

  constructor(
    seconds: number,
    private readonly slow = false,
  ) {
    super('counting', seconds);
  }

  protected runOnce(): Promise<{ created: number }> {
    this.runs += 1;
    if (!this.slow) return Promise.resolve({ created: 0 });
    return new Promise((resolve) => (this.release = () => resolve({ created: 1 })));
  }
}

describe('IntervalJob', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the step every interval once started, and stops at shutdown', async () => {
    const job = new CountingJob(60);
    job.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(job.runs).toBe(3);
    job.onApplicationShutdown();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(job.runs).toBe(3);
  });

  it('never runs with an interval of 0', async () => {
    const job = new CountingJob(0);
    job.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(job.runs).toBe(0);
  });

  it('skips a tick while the previous run is still going', async () => {
    const job = new CountingJob(60, true);
    job.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(job.runs).toBe(1);
    job.release?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(job.runs).toBe(2);
    job.onApplicationShutdown();
  });
});
