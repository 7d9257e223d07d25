import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { query, useWrite } from './queries';
import type {
  Asset,
  AssetDependencies,
  AssetRow,
  AssetStatus,
  AssetType,
  InformationSet,
  InformationSetRow,
  InformationSetStatus,
  LinkedInformationSet,
  LinkRole,
} from './register-types';
import type { Page } from './types';

/** Reads and writes of the information and asset registers (/api/information-sets, /api/assets). */
export const registerKeys = {
  sets: ['information-sets'] as const,
  set: (id: string) => ['information-sets', 'one', id] as const,
  assets: ['assets'] as const,
  asset: (id: string) => ['assets', 'one', id] as const,
};

export interface RegisterFilters {
  q?: string;
  orgUnitId?: string;
  ownerId?: string;
  limit?: number;
  offset?: number;
}

export const useInformationSets = (filters: RegisterFilters & { status?: InformationSetStatus }) =>
  useQuery({
    queryKey: [...registerKeys.sets, 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<InformationSetRow>>(`/information-sets${query({ ...filters })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useInformationSet = (id: string) =>
  useQuery({
    queryKey: registerKeys.set(id),
    queryFn: ({ signal }) =>
      api<InformationSetRow>(`/information-sets/${encodeURIComponent(id)}`, { signal }),
  });

export const useAssets = (filters: RegisterFilters & { status?: AssetStatus; type?: AssetType }) =>
  useQuery({
    queryKey: [...registerKeys.assets, 'list', filters],
    queryFn: ({ signal }) => api<Page<AssetRow>>(`/assets${query({ ...filters })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useAsset = (id: string) =>
  useQuery({
    queryKey: registerKeys.asset(id),
    queryFn: ({ signal }) => api<AssetRow>(`/assets/${encodeURIComponent(id)}`, { signal }),
  });

export const useAssetInformationSets = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...registerKeys.asset(id), 'information-sets'],
    queryFn: ({ signal }) =>
      api<LinkedInformationSet[]>(`/assets/${encodeURIComponent(id)}/information-sets`, { signal }),
    enabled,
  });

export const useAssetDependencies = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...registerKeys.asset(id), 'dependencies'],
    queryFn: ({ signal }) =>
      api<AssetDependencies>(`/assets/${encodeURIComponent(id)}/dependencies`, { signal }),
    enabled,
  });

export interface UpdateInformationSetInput {
  id: string;
  version: number;
  name?: string;
  description?: string | null;
  recordsClassCode?: string | null;
  retention?: string | null;
  secrecyProvisions?: string[];
}

export const useUpdateInformationSet = () =>
  useWrite(
    ({ id, ...body }: UpdateInformationSetInput) =>
      api<InformationSet>(`/information-sets/${id}`, { method: 'PATCH', body }),
    [registerKeys.sets],
  );

/** DRAFT → ACTIVE (activate) and ACTIVE → RETIRED (retire). */
export const useInformationSetTransition = () =>
  useWrite(
    ({ id, step, ...body }: { id: string; step: 'activate' | 'retire'; version: number; reason?: string }) =>
      api<InformationSet>(`/information-sets/${id}/${step}`, { method: 'POST', body }),
    [registerKeys.sets],
  );

export const useAssetTransition = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; to: AssetStatus; reason?: string }) =>
      api<Asset>(`/assets/${id}/transition`, { method: 'POST', body }),
    [registerKeys.assets],
  );

// ----- An asset's parts: the sets it carries and the assets it depends on (issue 4 forms) -----

/** A link or dependency changes the asset's levels (BR-B2/B3), its plan, and the sets' facts. */
const ASSET_PARTS_CHANGED = [registerKeys.assets, registerKeys.sets, ['action-plans'], ['classifications']];

export interface LinkInformationSetInput {
  assetId: string;
  informationSetId: string;
  role: LinkRole;
  note?: string;
}

export const useLinkInformationSet = () =>
  useWrite(
    ({ assetId, ...body }: LinkInformationSetInput) =>
      api<LinkedInformationSet>(`/assets/${encodeURIComponent(assetId)}/information-sets`, {
        method: 'POST',
        body,
      }),
    ASSET_PARTS_CHANGED,
  );

export const useUnlinkInformationSet = () =>
  useWrite(
    ({ assetId, informationSetId }: { assetId: string; informationSetId: string }) =>
      api<void>(
        `/assets/${encodeURIComponent(assetId)}/information-sets/${encodeURIComponent(informationSetId)}`,
        { method: 'DELETE' },
      ),
    ASSET_PARTS_CHANGED,
  );

export const useAddDependency = () =>
  useWrite(
    ({ assetId, ...body }: { assetId: string; supportingAssetId: string; note?: string }) =>
      api<AssetDependencies>(`/assets/${encodeURIComponent(assetId)}/dependencies`, {
        method: 'POST',
        body,
      }),
    ASSET_PARTS_CHANGED,
  );

export const useRemoveDependency = () =>
  useWrite(
    ({ assetId, supportingAssetId }: { assetId: string; supportingAssetId: string }) =>
      api<void>(
        `/assets/${encodeURIComponent(assetId)}/dependencies/${encodeURIComponent(supportingAssetId)}`,
        { method: 'DELETE' },
      ),
    ASSET_PARTS_CHANGED,
  );
