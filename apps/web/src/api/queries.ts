import { QueryClient, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client';
import type { OrgUnit, OrgUnitTreeNode, Page, Person, RoleAssignment } from './types';

export type UnitStatusFilter = 'ACTIVE' | 'ALL';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal (4xx) will be refused again; a network hiccup or 5xx gets two more tries.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** `?a=1&b=2` of the set parameters (empty ones left out). */
export const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const keys = {
  units: ['org-units'] as const,
  tree: (status: UnitStatusFilter) => ['org-units', 'tree', status] as const,
  unitList: ['org-units', 'list'] as const,
  unit: (id: string) => ['org-units', 'one', id] as const,
  people: ['users'] as const,
  assignments: ['role-assignments'] as const,
};

export const useOrgTree = (status: UnitStatusFilter) =>
  useQuery({
    queryKey: keys.tree(status),
    queryFn: ({ signal }) => api<OrgUnitTreeNode[]>(`/org-units/tree${query({ status })}`, { signal }),
  });

/** Every unit, dissolved ones too, flat: names for ids, paths for scope checks. */
export const useOrgUnitList = () =>
  useQuery({
    queryKey: keys.unitList,
    queryFn: ({ signal }) => api<{ items: OrgUnit[]; total: number }>('/org-units?status=ALL', { signal }),
    select: (data) => new Map(data.items.map((u) => [u.id, u])),
  });

export const useOrgUnit = (id: string) =>
  useQuery({
    queryKey: keys.unit(id),
    queryFn: ({ signal }) => api<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, { signal }),
  });

export const usePeople = (
  params: { q?: string; homeOrgUnitId?: string; limit?: number; offset?: number },
  enabled = true,
) =>
  useQuery({
    queryKey: [...keys.people, 'list', params],
    queryFn: ({ signal }) => api<Page<Person>>(`/users${query(params)}`, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });

/** The named people, one cached request each (a unit's assignments name only a few). */
export function usePersons(ids: string[], enabled: boolean): Map<string, Person> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [...keys.people, 'one', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Person>(`/users/${encodeURIComponent(id)}`, { signal }),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  const found = new Map<string, Person>();
  for (const result of results) if (result.data) found.set(result.data.id, result.data);
  return found;
}

export const useAssignmentsOfUnit = (unitId: string) =>
  useQuery({
    queryKey: [...keys.assignments, 'unit', unitId],
    queryFn: ({ signal }) =>
      api<Page<RoleAssignment>>(`/role-assignments${query({ orgUnitId: unitId, limit: 1000 })}`, { signal }),
  });

/** Writes: each refreshes what it changes. Never optimistic in the cache: the server decides. */
export function useWrite<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  invalidate: readonly (readonly string[])[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all(invalidate.map((key) => client.invalidateQueries({ queryKey: key })));
    },
  });
}

export interface CreateUnitInput {
  code: string;
  name: string;
  shortName?: string;
  type: OrgUnit['type'];
  parentId: string;
}

export const useCreateUnit = () =>
  useWrite(
    (input: CreateUnitInput) => api<OrgUnit>('/org-units', { method: 'POST', body: input }),
    [keys.units],
  );

export const useRenameUnit = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; name?: string; shortName?: string }) =>
      api<OrgUnit>(`/org-units/${id}`, { method: 'PATCH', body }),
    [keys.units],
  );

export const useMoveUnit = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; parentId: string }) =>
      api<OrgUnit>(`/org-units/${id}/move`, { method: 'POST', body }),
    [keys.units, keys.assignments],
  );

export const useDeactivateUnit = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; reason?: string; validTo?: string }) =>
      api<OrgUnit>(`/org-units/${id}/deactivate`, { method: 'POST', body }),
    [keys.units],
  );

export interface AssignRoleInput {
  personId: string;
  role: RoleAssignment['role'];
  orgUnitIds: string[];
  includeSubtree: boolean;
  validFrom?: string;
  validTo?: string;
  appointmentRef?: string;
}

export const useAssignRole = () =>
  useWrite(
    (input: AssignRoleInput) => api<RoleAssignment>('/role-assignments', { method: 'POST', body: input }),
    [keys.assignments],
  );

export const useEndAssignment = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; validTo: string }) =>
      api<RoleAssignment>(`/role-assignments/${id}`, { method: 'PATCH', body }),
    [keys.assignments],
  );
