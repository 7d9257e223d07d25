import { floor } from './floor';
import { incidentListCiso, incidentListCoordinator } from './incident-list';
import { incidentStatistics } from './incident-statistics';
import { incidentSubmission } from './incident-submission';
import type { Scenario } from './scenario';

/**
 * Every scenario of issue 6, one file each. (e), the information-set register with classification
 * coverage, is added as `information-register.ts` when issue 4 lands.
 */
export const SCENARIOS: Scenario[] = [
  floor,
  incidentListCoordinator,
  incidentListCiso,
  incidentStatistics,
  incidentSubmission,
];
