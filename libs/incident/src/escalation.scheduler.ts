import { Injectable } from '@nestjs/common';
import { VarnaConfig } from '@varna/config';
import { IntervalJob } from '@varna/core';
import { IncidentAlertsService } from './incident-alerts.service';

/**
 * Runs the escalation step every `VARNA_ESCALATION_INTERVAL_SECONDS` (0 = never; never under
 * NODE_ENV=test, where tests call IncidentAlertsService directly with the fixed clock).
 */
@Injectable()
export class EscalationScheduler extends IntervalJob {
  constructor(
    private readonly alerts: IncidentAlertsService,
    config: VarnaConfig,
  ) {
    super('escalations', config.nodeEnv === 'test' ? 0 : config.escalationIntervalSeconds);
  }

  protected runOnce() {
    return this.alerts.runEscalations();
  }
}
