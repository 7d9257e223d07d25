import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { query, useWrite } from '../api/queries';
import { classificationKeys } from '../api/classification-queries';
import type { ClassificationStatus } from '../api/register-types';
import type { Page } from '../api/types';

/** Reads and writes of /api/classification-sessions (klassningstillfällen, libs/classification). */
export const SESSION_STATUSES = ['PLANNED', 'HELD', 'CLOSED', 'CANCELLED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface ClassificationSession {
  id: string;
  version: number;
  code: string;
  title: string;
  orgUnitId: string;
  orgUnitName: string | null;
  informationSetIds: string[];
  ledBy: PersonRef;
  participants: PersonRef[];
  plannedAt: string;
  heldAt: string | null;
  minutes: string | null;
  status: SessionStatus;
  closedAt: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  createdAt: string;
}

export interface SessionInformationSet {
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
  status: string;
  informationOwner: PersonRef | null;
  classifications: { id: string; status: ClassificationStatus; createdAt: string }[];
}

export interface ClassificationSessionDetail extends ClassificationSession {
  informationSets: SessionInformationSet[];
}

export const sessionKeys = {
  all: ['classification-sessions'] as const,
  one: (id: string) => ['classification-sessions', 'one', id] as const,
};

export interface SessionFilters {
  q?: string;
  status?: SessionStatus;
  orgUnitId?: string;
  limit?: number;
  offset?: number;
}

export const useSessions = (filters: SessionFilters) =>
  useQuery({
    queryKey: [...sessionKeys.all, 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<ClassificationSession>>(`/classification-sessions${query({ ...filters })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useSession = (id: string) =>
  useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: ({ signal }) =>
      api<ClassificationSessionDetail>(`/classification-sessions/${encodeURIComponent(id)}`, { signal }),
  });

export interface CreateSessionInput {
  title: string;
  orgUnitId: string;
  informationSetIds: string[];
  participantIds: string[];
  plannedAt: string;
}

const CHANGED = [sessionKeys.all, classificationKeys.all] as const;

export const useCreateSession = () =>
  useWrite(
    (body: CreateSessionInput) =>
      api<ClassificationSessionDetail>('/classification-sessions', { method: 'POST', body }),
    CHANGED,
  );

export type SessionStep =
  | { step: 'hold'; heldAt: string; minutes?: string }
  | { step: 'close'; minutes?: string }
  | { step: 'cancel'; reason: string };

export const useSessionStep = () =>
  useWrite(
    ({ id, step, ...body }: SessionStep & { id: string }) =>
      api<ClassificationSessionDetail>(`/classification-sessions/${encodeURIComponent(id)}/${step}`, {
        method: 'POST',
        body,
      }),
    CHANGED,
  );

/** The protokoll as a PDF download (an "Utkast" until the session is closed). */
export const sessionMinutesPdfHref = (id: string) =>
  `/api/classification-sessions/${encodeURIComponent(id)}/minutes.pdf`;
