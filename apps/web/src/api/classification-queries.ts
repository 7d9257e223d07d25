import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { query, useWrite } from './queries';
import { registerKeys } from './register-queries';
import type {
  ActionPlan,
  ActionPlanItem,
  ActionPlanStatus,
  Aspect,
  AssetProtection,
  Classification,
  OverrideDirection,
  OverrideReasonType,
  ProtectionOverride,
} from './register-types';
import type { Page } from './types';

/** Reads and writes of /api/classifications (libs/classification). */
export const classificationKeys = {
  all: ['classifications'] as const,
  ofSet: (setId: string) => ['classifications', 'set', setId] as const,
};

/** Every version of a set's classification, newest first as the server sorts them. */
export const useClassificationsOfSet = (setId: string, enabled = true) =>
  useQuery({
    queryKey: classificationKeys.ofSet(setId),
    queryFn: ({ signal }) =>
      api<Page<Classification>>(`/classifications${query({ informationSetId: setId, limit: 500 })}`, {
        signal,
      }),
    enabled,
  });

/** The guiding questions of the tenant's classification model (GET /api/classification-model). */
export interface ClassificationModel {
  version: number;
  guidingQuestions: { aspect: Aspect; level: 1 | 2 | 3 | 4; questionsSv: string[] }[];
  reviewIntervalMonths: number;
}

export const useClassificationModel = () =>
  useQuery({
    queryKey: ['classification-model'],
    queryFn: ({ signal }) => api<ClassificationModel>('/classification-model', { signal }),
    staleTime: Infinity,
  });

/** A write to a classification changes the set's pointers and the assets' levels too. */
const CHANGED = [classificationKeys.all, registerKeys.sets, registerKeys.assets] as const;

export interface ClassificationFieldsInput {
  levelK?: number | null;
  levelR?: number | null;
  levelT?: number | null;
  levelS?: number | null;
  rationaleK?: string | null;
  rationaleR?: string | null;
  rationaleT?: string | null;
  rationaleS?: string | null;
}

export const useCreateClassification = () =>
  useWrite(
    (input: ClassificationFieldsInput & { informationSetId: string; sessionId?: string }) =>
      api<Classification>('/classifications', { method: 'POST', body: input }),
    CHANGED,
  );

export const useUpdateClassification = () =>
  useWrite(
    ({ id, ...body }: ClassificationFieldsInput & { id: string; version: number }) =>
      api<Classification>(`/classifications/${id}`, { method: 'PATCH', body }),
    CHANGED,
  );

export type ClassificationStep =
  | { step: 'propose' }
  | { step: 'decide'; diarienummer?: string }
  | { step: 'return'; returnComment: string }
  | { step: 'special-handling'; diarienummer?: string }
  | { step: 'cancel'; reason: string }
  | { step: 'confirm-unchanged'; comment?: string };

/** The state-machine steps (§4b): each is its own POST on the classification. */
export const useClassificationStep = () =>
  useWrite(
    ({ id, step, ...body }: ClassificationStep & { id: string }) =>
      api<Classification>(`/classifications/${id}/${step}`, { method: 'POST', body }),
    CHANGED,
  );

export interface FlagReviewInput {
  reason: 'LEGAL_CHANGE' | 'MANUAL';
  note: string;
  informationSetIds: string[];
}

export interface FlagReviewResult {
  flagged: string[];
  skipped: { informationSetId: string; reason: string }[];
}

/** BR-B5: the CISO flags decisions for review (a legal change, or manually), with a note. */
export const useFlagReview = () =>
  useWrite(
    (body: FlagReviewInput) =>
      api<FlagReviewResult>('/classifications/flag-review', { method: 'POST', body }),
    CHANGED,
  );

/** The decision document (klassningsbeslut) of a decided classification. */
export const classificationPdfHref = (id: string) => `/api/classifications/${encodeURIComponent(id)}/pdf`;

// ----- An asset's protection: effective levels, overrides, action plan -----

const protectionKey = (assetId: string) => [...registerKeys.asset(assetId), 'protection'] as const;
const overridesKey = (assetId: string) => [...registerKeys.asset(assetId), 'overrides'] as const;
const planKey = (assetId: string) => ['action-plans', assetId] as const;

export const useAssetProtection = (assetId: string, enabled: boolean) =>
  useQuery({
    queryKey: protectionKey(assetId),
    queryFn: ({ signal }) =>
      api<AssetProtection>(`/assets/${encodeURIComponent(assetId)}/protection`, { signal }),
    enabled,
  });

export const useOverrides = (assetId: string, enabled: boolean) =>
  useQuery({
    queryKey: overridesKey(assetId),
    queryFn: ({ signal }) =>
      api<{ items: ProtectionOverride[] }>(`/assets/${encodeURIComponent(assetId)}/overrides`, { signal }),
    enabled,
  });

export interface CreateOverrideInput {
  assetId: string;
  aspect: Aspect;
  level: number;
  direction: OverrideDirection;
  reasonType: OverrideReasonType;
  reason: string;
  validUntil?: string;
}

/** Every override change recalculates the asset (BR-B3): its levels, protection and plan. */
const ASSET_CHANGED = [registerKeys.assets, ['action-plans']] as const;

export const useCreateOverride = () =>
  useWrite(
    ({ assetId, ...body }: CreateOverrideInput) =>
      api<ProtectionOverride>(`/assets/${assetId}/overrides`, { method: 'POST', body }),
    ASSET_CHANGED,
  );

export const useOverrideStep = () =>
  useWrite(
    ({
      assetId,
      overrideId,
      step,
      reason,
    }: {
      assetId: string;
      overrideId: string;
      step: 'approve' | 'reject' | 'withdraw';
      reason?: string;
    }) =>
      api<ProtectionOverride>(`/assets/${assetId}/overrides/${overrideId}/${step}`, {
        method: 'POST',
        body: step === 'reject' ? { reason } : {},
      }),
    ASSET_CHANGED,
  );

export const useActionPlan = (assetId: string, enabled: boolean) =>
  useQuery({
    queryKey: planKey(assetId),
    queryFn: ({ signal }) => api<ActionPlan>(`/action-plans${query({ assetId })}`, { signal }),
    enabled,
  });

export const useGenerateActionPlan = () =>
  useWrite(
    (assetId: string) => api<ActionPlan>('/action-plans', { method: 'POST', body: { assetId } }),
    [['action-plans']],
  );

export const useUpdateActionPlanItem = () =>
  useWrite(
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      status?: ActionPlanStatus;
      how?: string | null;
      notApplicableReason?: string | null;
    }) => api<ActionPlanItem>(`/action-plans/${id}`, { method: 'PATCH', body }),
    [['action-plans']],
  );

// ----- The worklist "Att göra i klassningen" (GET /api/classifications filters, KPIs) -----

export interface ClassificationListFilters {
  status?: Classification['status'];
  /** Decisions in force that are flagged, past or within 30 days of validUntil. */
  due?: boolean;
  overdue?: boolean;
  orgUnitId?: string;
  limit?: number;
}

export const useClassificationList = (filters: ClassificationListFilters, enabled = true) =>
  useQuery({
    queryKey: [...classificationKeys.all, 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<Classification>>(`/classifications${query({ limit: 500, ...filters })}`, { signal }),
    enabled,
  });

/** GET /api/classification-kpis: the lists the worklist reads (overdue decisions, incomplete assets). */
export interface ClassificationKpis {
  asOf: string;
  orgUnitId: string;
  overdue: {
    classificationId: string;
    informationSetId: string;
    informationSetCode: string;
    informationSetName: string;
    validUntil: string;
  }[];
  /** Every overdue decision the caller may read; `overdue` holds the first `limit`. */
  overdueTotal: number;
  incompleteAssets: { assetId: string; code: string; name: string }[];
  /** Every asset with incomplete classification the caller may read; `incompleteAssets` holds the first `limit`. */
  incompleteAssetsTotal: number;
  limit: number;
}

/** The worklist asks for the most rows the API gives (issue 6: the lists are paged, default 50). */
export const KPI_LIST_LIMIT = 500;

export const useClassificationKpis = (enabled = true) =>
  useQuery({
    queryKey: [...classificationKeys.all, 'kpis'],
    queryFn: ({ signal }) =>
      api<ClassificationKpis>(`/classification-kpis${query({ limit: KPI_LIST_LIMIT })}`, { signal }),
    enabled,
  });
