import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { incidentKeys } from './incident-queries';
import { useWrite } from './queries';
import type { IncidentType, RegulatoryObligation, RegulatoryRegime, RegulatoryStage } from './types';

export const PERIOD_UNITS = ['HOURS', 'DAYS', 'MONTHS'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export interface Period {
  unit: PeriodUnit;
  amount: number;
}

/** The receivers a tenant names (D-25), in the API's order. */
export const CONFIGURABLE_RECEIVERS = ['IMY', 'CSIRT', 'IVO', 'SECURITY_SERVICE', 'POLICE'] as const;
export type ConfigurableReceiver = (typeof CONFIGURABLE_RECEIVERS)[number];

export interface ClockStageRule {
  regime: RegulatoryRegime;
  stage: RegulatoryStage;
  anchor: string;
  clock: 'DEADLINE' | 'TARGET';
  period: Period;
  defaultPeriod: Period;
  overridden: boolean;
}

export interface Receiver {
  kind: ConfigurableReceiver;
  name: string;
  contact: string | null;
  configured: boolean;
}

/** GET /api/incident-clock-rules (ADR 0015). */
export interface ClockRules {
  msbfsEnabled: boolean;
  msbfsIncidentTypes: IncidentType[];
  targets: ClockStageRule[];
  deadlines: ClockStageRule[];
  receivers: Receiver[];
  updatedAt: string | null;
  version: number;
}

export interface UpdateClockRulesInput {
  msbfsEnabled?: boolean;
  msbfsIncidentTypes?: IncidentType[];
  periodOverrides?: { regime: RegulatoryRegime; stage: RegulatoryStage; period: Period }[];
  receivers?: { kind: ConfigurableReceiver; name: string; contact: string | null }[];
}

export const clockRulesKey = ['incident-clock-rules'] as const;

export const useClockRules = (enabled = true) =>
  useQuery({
    queryKey: clockRulesKey,
    queryFn: ({ signal }) => api<ClockRules>('/incident-clock-rules', { signal }),
    enabled,
  });

export const useUpdateClockRules = () =>
  useWrite(
    (body: UpdateClockRulesInput) => api<ClockRules>('/incident-clock-rules', { method: 'PATCH', body }),
    [clockRulesKey, incidentKeys.all],
  );

export interface IntermediateRequestInput {
  incidentId: string;
  requestedAt: string;
  deadlineAt: string;
  note?: string;
}

/** D-60: the CSIRT asked for an intermediate report; the stage gets the deadline the request states. */
export const useIntermediateRequest = () =>
  useWrite(
    ({ incidentId, ...body }: IntermediateRequestInput) =>
      api<RegulatoryObligation>(
        `/incidents/${encodeURIComponent(incidentId)}/obligations/intermediate-request`,
        {
          method: 'POST',
          body,
        },
      ),
    [incidentKeys.all],
  );
