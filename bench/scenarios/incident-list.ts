import type { RawQuery, Scenario } from './scenario';

const FILTER = 'PERSONAL_DATA_BREACH';
const PATH = `/api/incidents?type=${FILTER}&limit=50`;

/**
 * The SQL of one list page as the service needs it: the filter, and the caller's rules for the
 * filtered field (D-08: a rule that reads own reports does not grant their type, so it adds no row
 * to a type filter), newest first, 50 rows with their unit, and the count.
 */
function listSql(scope: { sql: string; values: unknown[] }): RawQuery[] {
  const where = `i.type = $1 AND i.tenant_id = $2${scope.sql}`;
  return [
    {
      text: `SELECT i.*, u.code, u.name FROM incident i LEFT JOIN org_unit u ON u.id = i.org_unit_id
              WHERE ${where} ORDER BY i.reported_at DESC, i.number DESC LIMIT 50`,
      values: [FILTER, ...scope.values],
    },
    // The count as the service runs it: stopped past LIST_COUNT_CAP (1 000).
    {
      text: `SELECT count(*)::int FROM (SELECT 1 FROM incident i WHERE ${where} LIMIT 1001) matching`,
      values: [FILTER, ...scope.values],
    },
  ];
}

/** (b) The incident list as a samordnare: scoped to one förvaltning's subtree. */
export const incidentListCoordinator: Scenario = {
  id: 'b',
  name: 'incident list, samordnare (scoped, type filter, 50 newest)',
  user: 'coordinator',
  request: () => ({ method: 'GET', path: PATH }),
  raw: (p) =>
    listSql({
      sql: ' AND i.org_unit_path && $3::uuid[]',
      values: [p.tenantId, p.coordinator.orgUnitIds],
    }),
  target: { kind: 'list', ratio: 1.5, p95Ms: 25 },
};

/** (c) The same list as the CISO: the whole tenant. */
export const incidentListCiso: Scenario = {
  id: 'c',
  name: 'incident list, CISO (whole tenant, type filter, 50 newest)',
  user: 'ciso',
  request: () => ({ method: 'GET', path: PATH }),
  raw: (p) => listSql({ sql: '', values: [p.tenantId] }),
  target: { kind: 'list', ratio: 1.5, p95Ms: 25 },
};
