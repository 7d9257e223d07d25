import type { Scenario } from './scenario';

/** (d) Incident statistics per tertial for a samordnare (K10 by type, subtype, severity, unit; K12–K15). */
export const incidentStatistics: Scenario = {
  id: 'd',
  name: 'incident statistics per tertial, samordnare',
  user: 'coordinator',
  request: (p) => ({ method: 'GET', path: `/api/incident-statistics?year=${p.year}` }),
  // The largest of the endpoint's queries: K10 per type and tertial with the year totals.
  raw: (p) => [
    {
      text: `SELECT COALESCE(i.type, 'UNTRIAGED') AS type,
                    ((EXTRACT(MONTH FROM (i.reported_at AT TIME ZONE 'Europe/Stockholm'))::int - 1) / 4 + 1) AS tertial,
                    count(*)::int AS n
               FROM incident i
              WHERE i.status NOT IN ('REJECTED', 'MERGED')
                AND i.reported_at >= $3 AND i.reported_at < $4
                AND i.tenant_id = $1 AND i.org_unit_path && $2::uuid[]
              GROUP BY GROUPING SETS ((1, 2), (1))`,
      values: [
        p.tenantId,
        p.coordinator.orgUnitIds,
        new Date(Date.UTC(p.year - 1, 11, 31, 23)),
        new Date(Date.UTC(p.year, 11, 31, 23)),
      ],
    },
  ],
  target: { kind: 'p95', p95Ms: 150 },
};
