import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A job step run every `seconds` once the app has started (0 = never), skipped while the previous
 * run is still going. The steps are idempotent, so an overlapping or repeated run sends nothing
 * twice; tests call the step itself with the fixed clock.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  protected constructor(
    /** What the log lines call the step. */
    private readonly label: string,
    private readonly seconds: number,
  ) {}

  /** One run of the step: how many notifications it created. */
  protected abstract runOnce(): Promise<{ created: number }>;

  onApplicationBootstrap(): void {
    if (this.seconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const run = await this.runOnce();
      if (run.created) this.logger.log(`${this.label}: ${run.created} notifications sent`);
    } catch (error) {
      this.logger.error(`${this.label} failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
