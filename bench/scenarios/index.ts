import { floor } from './floor';
import { incidentListCiso, incidentListCoordinator } from './incident-list';
import { incidentStatistics } from './incident-statistics';
import { incidentSubmission } from './incident-submission';
import { informationRegister } from './information-register';
import type { Scenario } from './scenario';

/** Every scenario of issue 6, one file each; the runner orders writes last. */
export const SCENARIOS: Scenario[] = [
  floor,
  incidentListCoordinator,
  incidentListCiso,
  incidentStatistics,
  informationRegister,
  incidentSubmission,
];
