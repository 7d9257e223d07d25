import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { query, useWrite } from './queries';
import type {
  Art34Exemption,
  BreachRiskAssessment,
  CrisisEscalation,
  HandledIncident,
  IncidentAspect,
  IncidentStatistics,
  Incident,
  IncidentStatus,
  IncidentSubtype,
  IncidentType,
  Page,
  RegulatoryObligation,
  RootCauseCategory,
  SecrecyField,
  SecrecyMarking,
  Severity,
  TimelineEntry,
  TransitionTarget,
  TriState,
} from './types';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (params: object) => ['incidents', 'list', params] as const,
  one: (id: string) => ['incidents', 'one', id] as const,
  timeline: (id: string) => ['incidents', 'timeline', id] as const,
  obligations: (id: string) => ['incidents', 'obligations', id] as const,
};

export interface IncidentListParams {
  status?: IncidentStatus;
  type?: IncidentType | 'UNTRIAGED';
  orgUnitId?: string;
  mine?: boolean;
  limit?: number;
  offset?: number;
}

/** Newest first; each row in the view the caller is entitled to (handler, auditor or reporter). */
export const useIncidents = (params: IncidentListParams) =>
  useQuery({
    queryKey: incidentKeys.list(params),
    queryFn: ({ signal }) => api<Page<Incident>>(`/incidents${query({ ...params })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useIncident = (id: string) =>
  useQuery({
    queryKey: incidentKeys.one(id),
    queryFn: ({ signal }) => api<Incident>(`/incidents/${encodeURIComponent(id)}`, { signal }),
  });

export const useTimeline = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: incidentKeys.timeline(id),
    queryFn: ({ signal }) =>
      api<{ items: TimelineEntry[] }>(`/incidents/${encodeURIComponent(id)}/timeline`, { signal }),
    enabled,
  });

/** The stages with their status computed by the server at the request (never cached long). */
export const useObligations = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: incidentKeys.obligations(id),
    queryFn: ({ signal }) =>
      api<{ items: RegulatoryObligation[] }>(`/incidents/${encodeURIComponent(id)}/obligations`, {
        signal,
      }),
    enabled,
    staleTime: 0,
    // Time left and DUE_SOON/OVERDUE are the server's at the request: ask again every minute.
    refetchInterval: 60_000,
  });

export interface TriageInput {
  id: string;
  version: number;
  type: IncidentType;
  subtype?: IncidentSubtype;
  severity: Severity;
  personalDataInvolved?: TriState;
  handlerId?: string;
  significantUnderCyberAct?: boolean;
  breachRiskAssessment?: BreachRiskAssessment;
  aspectsAffected?: IncidentAspect[];
  awareAt?: string;
  awareAtReason?: string;
}

/** Every incident write changes the incident, its timeline and possibly its stages. */
const ALL = [incidentKeys.all] as const;

export const useTriage = () =>
  useWrite(
    ({ id, ...body }: TriageInput) =>
      api<HandledIncident>(`/incidents/${id}/triage`, { method: 'POST', body }),
    ALL,
  );

export const useTransition = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; to: TransitionTarget; reason?: string }) =>
      api<HandledIncident>(`/incidents/${id}/transition`, { method: 'POST', body }),
    ALL,
  );

export interface UpdateIncidentInput {
  id: string;
  version: number;
  rootCauseCategory?: RootCauseCategory | null;
  rootCause?: string | null;
  consequences?: string | null;
  measures?: string | null;
  lessonsLearned?: string | null;
  breachRiskAssessment?: BreachRiskAssessment | null;
  aspectsAffected?: IncidentAspect[];
  significantUnderCyberAct?: boolean | null;
  ongoing?: TriState;
  dataSubjectsApprox?: number | null;
  recordsApprox?: number | null;
  crisisEscalation?: CrisisEscalation | null;
  qualityDeviationRef?: string | null;
  /** Re-triage after triage (the API refuses these on a REPORTED incident). */
  type?: IncidentType;
  subtype?: IncidentSubtype | null;
  severity?: Severity;
  orgUnitId?: string;
  handlerId?: string | null;
  coordinatorId?: string | null;
  assetIds?: string[];
  informationSetIds?: string[];
  /** Kännedom: recomputes the deadlines; needs awareAtReason. */
  awareAt?: string;
  awareAtReason?: string;
}

export const useUpdateIncident = () =>
  useWrite(
    ({ id, ...body }: UpdateIncidentInput) =>
      api<HandledIncident>(`/incidents/${id}`, { method: 'PATCH', body }),
    ALL,
  );

export const useAddNote = () =>
  useWrite(
    ({ id, text }: { id: string; text: string }) =>
      api<TimelineEntry>(`/incidents/${id}/timeline`, { method: 'POST', body: { text } }),
    ALL,
  );

export interface SubmitObligationInput {
  incidentId: string;
  id: string;
  version: number;
  submittedAt?: string;
  externalReference?: string;
  lateReason?: string;
  decisionAt?: string;
}

export const useSubmitObligation = () =>
  useWrite(
    ({ incidentId, id, ...body }: SubmitObligationInput) =>
      api<RegulatoryObligation>(`/incidents/${incidentId}/obligations/${id}/submit`, {
        method: 'POST',
        body,
      }),
    ALL,
  );

export interface DecideObligationInput {
  incidentId: string;
  id: string;
  version: number;
  reason: string;
  art34Exemption?: Art34Exemption;
}

export const useObligationNotRequired = () =>
  useWrite(
    ({ incidentId, id, ...body }: DecideObligationInput) =>
      api<RegulatoryObligation>(`/incidents/${incidentId}/obligations/${id}/not-required`, {
        method: 'POST',
        body,
      }),
    ALL,
  );

export const useWithdrawObligation = () =>
  useWrite(
    ({ incidentId, id, version, reason }: DecideObligationInput) =>
      api<RegulatoryObligation>(`/incidents/${incidentId}/obligations/${id}/withdraw`, {
        method: 'POST',
        body: { version, reason },
      }),
    ALL,
  );

/**
 * `POST /api/incidents` with the form fill's Idempotency-Key: a retry with the same key returns the
 * first report (200) instead of making a second one.
 */
export const reportIncident = (body: object, idempotencyKey: string) =>
  api<Incident>('/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });

export interface IncidentStatisticsParams {
  year?: number;
  orgUnitId?: string;
}

/** K10, K12, K13, K15 and the time to triage; small counts suppressed for figures-only callers. */
export const useIncidentStatistics = (params: IncidentStatisticsParams) =>
  useQuery({
    queryKey: ['incident-statistics', params] as const,
    queryFn: ({ signal }) =>
      api<IncidentStatistics>(`/incident-statistics${query({ ...params })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export interface MarkSecrecyInput {
  id: string;
  fieldPaths: SecrecyField[];
  provision: string;
  reason: string;
}

/** Marks fields secret under an OSL provision (BR-D8): masked for the auditor and in every export. */
export const useMarkSecrecy = () =>
  useWrite(
    ({ id, ...body }: MarkSecrecyInput) =>
      api<SecrecyMarking>(`/incidents/${encodeURIComponent(id)}/secrecy-markings`, { method: 'POST', body }),
    ALL,
  );

export const useUnmarkSecrecy = () =>
  useWrite(
    ({ id, markingId }: { id: string; markingId: string }) =>
      api<void>(`/incidents/${encodeURIComponent(id)}/secrecy-markings/${encodeURIComponent(markingId)}`, {
        method: 'DELETE',
      }),
    ALL,
  );
