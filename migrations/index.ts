import { CreateFoundation1796154107714 } from './1796154107714-CreateFoundation';
import { CreateIncidents1796157777692 } from './1796157777692-CreateIncidents';
import { CreateInformationRegisters1796165300151 } from './1796165300151-CreateInformationRegisters';
import { CreateClassification1796165695484 } from './1796165695484-CreateClassification';

// Every migration in order. Explicit classes (not a glob) so the app, the CLI and vitest load the same list.
export const MIGRATIONS = [
  CreateFoundation1796154107714,
  CreateIncidents1796157777692,
  CreateInformationRegisters1796165300151,
  CreateClassification1796165695484,
];
