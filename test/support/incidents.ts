import { expect } from 'vitest';
import type { TestApp } from './app';

/** A parsed JSON value, as loosely typed as supertest's bodies. */
type Json = ReturnType<typeof JSON.parse>;

/** A demo incident's number: INC-01 of §6.6 is INC-2026-0001 (D-67: the demo is seeded unshifted). */
export const demoNumber = (n: number) => `INC-2026-${String(n).padStart(4, '0')}`;

/** Id of an incident of the demo tenant by its number. */
export async function incidentId(t: TestApp, number: string): Promise<string> {
  const rows = await t.dataSource.query<{ id: string }[]>(
    `SELECT i.id FROM incident i JOIN tenant t ON t.id = i.tenant_id WHERE t.code = 'exempelby' AND i.number = $1`,
    [number],
  );
  if (rows.length !== 1) throw new Error(`no demo incident ${number}`);
  return rows[0].id;
}

export interface ReportedIncident {
  id: string;
  number: string;
  view: string;
  status: string;
  [key: string]: unknown;
}

/** Reports as `user` (201 expected) and returns the body. */
export async function report(
  t: TestApp,
  user: string,
  body: Record<string, unknown> = {},
): Promise<ReportedIncident> {
  const res = await t.as(user).post('/api/incidents', { description: 'Något hände.', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReportedIncident;
}

/** The incident as `user` sees it (200 expected). */
export async function incidentAs(t: TestApp, user: string, id: string) {
  const res = await t.as(user).get(`/api/incidents/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, Json>;
}

export interface Obligation {
  id: string;
  regime: string;
  stage: string;
  status: string;
  deadlineAt: string | null;
  targetAt: string | null;
  anchorAt: string | null;
  timeLeftSeconds: number | null;
  regimeApplies: boolean;
  decision: string | null;
  version: number;
  [key: string]: unknown;
}

export async function obligationsAs(t: TestApp, user: string, id: string): Promise<Obligation[]> {
  const res = await t.as(user).get(`/api/incidents/${id}/obligations`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Obligation[];
}

export async function timelineAs(t: TestApp, user: string, id: string) {
  const res = await t.as(user).get(`/api/incidents/${id}/timeline`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as {
    seq: number;
    kind: string;
    text: string | null;
    actorId: string | null;
    data: Json;
  }[];
}

/** Row counts of the incident tables and the history, to prove a refused request wrote nothing. */
export async function incidentCounts(t: TestApp) {
  const [row] = await t.dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM incident) AS incidents,
            (SELECT count(*)::int FROM incident_timeline_entry) AS timeline,
            (SELECT count(*)::int FROM regulatory_obligation) AS obligations,
            (SELECT count(*)::int FROM history_entry) AS history,
            (SELECT coalesce(sum(version), 0)::int FROM incident) AS incident_versions,
            (SELECT coalesce(sum(version), 0)::int FROM regulatory_obligation) AS obligation_versions`,
  );
  return row;
}
