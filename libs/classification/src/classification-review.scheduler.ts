import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { VarnaConfig } from '@varna/config';
import { ClassificationReviewService } from './classification-review.service';

/**
 * Runs the classification review step (BR-B5 tasks) on the escalation job's interval,
 * `VARNA_ESCALATION_INTERVAL_SECONDS` (0 = never; never under NODE_ENV=test, where tests call
 * ClassificationReviewService directly with the fixed clock). The step is idempotent, so an
 * overlapping or repeated run sends nothing twice.
 */
@Injectable()
export class ClassificationReviewScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClassificationReviewScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly reviews: ClassificationReviewService,
    private readonly config: VarnaConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.escalationIntervalSeconds;
    if (seconds <= 0 || this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const run = await this.reviews.runReviews();
      if (run.created) this.logger.log(`classification reviews: ${run.created} notifications sent`);
    } catch (error) {
      this.logger.error(`classification reviews failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
