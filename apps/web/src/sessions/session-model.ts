import { subject } from '@casl/ability';
import type { OrgUnit } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import type { ClassificationSession, SessionStatus } from './session-queries';

export const SESSION_STATUS_KEYS: Record<SessionStatus, MessageKey> = {
  PLANNED: 'sessions.status.PLANNED',
  HELD: 'sessions.status.HELD',
  CLOSED: 'sessions.status.CLOSED',
  CANCELLED: 'sessions.status.CANCELLED',
};

export const sessionPath = (id: string) => `/klassningstillfallen/${encodeURIComponent(id)}`;

/** The wizard for a set, started from a session (the draft carries the session's id). */
export const classifyPath = (setId: string, sessionId: string) =>
  `/informationsmangder/${encodeURIComponent(setId)}/klassning?klassningstillfalle=${encodeURIComponent(sessionId)}`;

export const isOpen = (s: Pick<ClassificationSession, 'status'>) =>
  s.status === 'PLANNED' || s.status === 'HELD';

/**
 * The CASL subject of a session as the server builds it (path from the org tree). The copied owners
 * and keepers are left out: they give read only, and the page is already read.
 */
export function sessionSubject(
  s: Pick<ClassificationSession, 'id' | 'orgUnitId' | 'status'> & {
    ledBy: { id: string };
    participants: { id: string }[];
  },
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
) {
  return subject('ClassificationSession', {
    id: s.id,
    tenantId,
    orgUnitId: s.orgUnitId,
    orgUnitPath: units.get(s.orgUnitId)?.path ?? [s.orgUnitId],
    ledById: s.ledBy.id,
    participantIds: s.participants.map((p) => p.id),
    informationOwnerIds: [] as string[],
    assetKeeperIds: [] as string[],
    status: s.status,
  });
}

/** A session not yet created for a unit: what `create` is checked on. */
export const newSessionFor = (orgUnitId: string, personId: string) => ({
  id: '',
  orgUnitId,
  status: 'PLANNED' as const,
  ledBy: { id: personId },
  participants: [],
});
