import type { Role } from '@varna/authz';
import type { AssetStatus, InformationSetStatus } from './enums';

/** One step of a register state machine (domain.md §4a) and who may take it. */
export interface Transition<S extends string> {
  from: S;
  to: S;
  /** Roles held for the row's unit (CISO anywhere) that may take the step. */
  roles: readonly Role[];
  /** Whether the row's owner (information owner, asset owner) may take it too. */
  owner: boolean;
  reasonRequired: boolean;
}

const step = <S extends string>(
  from: S,
  to: S,
  roles: readonly Role[],
  owner: boolean,
  reasonRequired = false,
): Transition<S> => ({ from, to, roles, owner, reasonRequired });

/** DRAFT → ACTIVE: samordnare, verksamhetsansvarig; ACTIVE → RETIRED: informationsägare, samordnare. */
export const INFORMATION_SET_TRANSITIONS: readonly Transition<InformationSetStatus>[] = [
  step('DRAFT', 'ACTIVE', ['CISO', 'COORDINATOR', 'HEAD'], false),
  step('ACTIVE', 'RETIRED', ['CISO', 'COORDINATOR'], true),
];

/**
 * PLANNED → PROCUREMENT → ACTIVE (and PLANNED → ACTIVE for what is not procured: a process, a
 * room; ADR 0011), cancelled before use with a reason, ACTIVE → PHASE_OUT → RETIRED by the owner.
 * The CISO may take every step (RCUE T).
 */
export const ASSET_TRANSITIONS: readonly Transition<AssetStatus>[] = [
  step('PLANNED', 'PROCUREMENT', ['CISO', 'COORDINATOR'], true),
  step('PLANNED', 'ACTIVE', ['CISO', 'COORDINATOR'], true),
  step('PROCUREMENT', 'ACTIVE', ['CISO', 'COORDINATOR'], true),
  step('PLANNED', 'RETIRED', ['CISO', 'COORDINATOR'], true, true),
  step('PROCUREMENT', 'RETIRED', ['CISO', 'COORDINATOR'], true, true),
  step('ACTIVE', 'PHASE_OUT', ['CISO'], true),
  step('PHASE_OUT', 'RETIRED', ['CISO'], true),
];

export function findTransition<S extends string>(
  table: readonly Transition<S>[],
  from: S,
  to: S,
): Transition<S> | undefined {
  return table.find((t) => t.from === from && t.to === to);
}

export function mayTake<S extends string>(
  t: Transition<S>,
  roles: readonly Role[],
  isOwner: boolean,
): boolean {
  return (t.owner && isOwner) || t.roles.some((r) => roles.includes(r));
}

/** The steps the caller may take from `from`, for the UI. */
export function availableTransitions<S extends string>(
  table: readonly Transition<S>[],
  from: S,
  roles: readonly Role[],
  isOwner: boolean,
): S[] {
  return table.filter((t) => t.from === from && mayTake(t, roles, isOwner)).map((t) => t.to);
}
