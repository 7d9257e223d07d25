import { Injectable } from '@nestjs/common';
import { VarnaConfig } from '@varna/config';
import { IntervalJob } from '@varna/core';
import { ClassificationReviewService } from './classification-review.service';

/**
 * Runs the classification review step (BR-B5 tasks) on the escalation job's interval,
 * `VARNA_ESCALATION_INTERVAL_SECONDS` (0 = never; never under NODE_ENV=test, where tests call
 * ClassificationReviewService directly with the fixed clock).
 */
@Injectable()
export class ClassificationReviewScheduler extends IntervalJob {
  constructor(
    private readonly reviews: ClassificationReviewService,
    config: VarnaConfig,
  ) {
    super('classification reviews', config.nodeEnv === 'test' ? 0 : config.escalationIntervalSeconds);
  }

  protected runOnce() {
    return this.reviews.runReviews();
  }
}
