import type { BenchParams, RawQuery, Scenario } from './scenario';

/**
 * (e) The information-set register as a samordnare: the first page of 50 (by code) and the
 * classification coverage the page shows beside it. The list API returns no coverage, so the page
 * is two requests, timed together (one latency per pair): `GET /api/information-sets?limit=50` and
 * `GET /api/classification-kpis?orgUnitId=<the samordnare's förvaltning>` (K01/K02 for the subtree
 * and per child unit, the overdue decisions, the assets with incomplete classification).
 */
export const informationRegister: Scenario = {
  id: 'e',
  name: 'information-set register, samordnare (scoped, 50 by code) + classification coverage',
  user: 'coordinator',
  request: (p) => [
    { method: 'GET', path: '/api/information-sets?limit=50' },
    { method: 'GET', path: `/api/classification-kpis?orgUnitId=${unitOf(p)}` },
  ],
  raw: (p) => registerSql(p),
  target: { kind: 'list', ratio: 1.5, p95Ms: 25 },
};

const unitOf = (p: BenchParams) => p.coordinator.orgUnitIds[0];

/**
 * The SQL of the two requests with the samordnare's read rules: the scope of the role (the
 * förvaltning's subtree) ORed with the ownership rules (owner, keeper: `me`), as `whereAllowed`
 * builds them; the KPI queries narrowed to the förvaltning as the endpoint narrows them.
 */
function registerSql(p: BenchParams): RawQuery[] {
  const tenant = p.tenantId;
  const me = p.coordinator.personId;
  const scope = p.coordinator.orgUnitIds;
  const node = unitOf(p);
  const setRead = `s.tenant_id = $1 AND (s.information_owner_id = $2 OR s.asset_keeper_ids @> ARRAY[$2]::uuid[]
                   OR s.org_unit_path && $3::uuid[])`;
  return [
    {
      text: `SELECT s.*, o.display_name FROM information_set s LEFT JOIN person o ON o.id = s.information_owner_id
              WHERE ${setRead} ORDER BY s.code ASC LIMIT 50`,
      values: [tenant, me, scope],
    },
    { text: `SELECT count(*)::int FROM information_set s WHERE ${setRead}`, values: [tenant, me, scope] },
    { text: `SELECT * FROM org_unit WHERE tenant_id = $1 AND id = $2`, values: [tenant, node] },
    {
      text: `SELECT s.id, s.org_unit_path,
                    EXISTS (SELECT 1 FROM classification c WHERE c.information_set_id = s.id
                             AND c.status IN ('DECIDED', 'SPECIAL_HANDLING')) AS classified,
                    EXISTS (SELECT 1 FROM classification c WHERE c.information_set_id = s.id
                             AND c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until >= $4::date
                             AND c.review_flagged_at IS NULL) AS current
               FROM information_set s
              WHERE s.status = 'ACTIVE' AND $2::uuid = ANY(s.org_unit_path)
                AND s.tenant_id = $1 AND s.org_unit_path && $3::uuid[]`,
      values: [tenant, node, scope, p.today],
    },
    {
      text: `SELECT * FROM org_unit WHERE tenant_id = $1 AND parent_id = $2 ORDER BY code`,
      values: [tenant, node],
    },
    {
      text: `SELECT c.*, s.code, s.name FROM classification c JOIN information_set s ON s.id = c.information_set_id
              WHERE c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until < $4::date
                AND s.status = 'ACTIVE' AND $2::uuid = ANY(c.org_unit_path)
                AND c.tenant_id = $1 AND (c.org_unit_path && $3::uuid[] OR c.information_owner_id = $5)
              ORDER BY c.valid_until, s.code`,
      values: [tenant, node, scope, p.today, me],
    },
    {
      text: `SELECT a.id, a.code, a.name, a.org_unit_id FROM asset a
              WHERE a.status = 'ACTIVE' AND NOT a.classification_complete AND $2::uuid = ANY(a.org_unit_path)
                AND a.tenant_id = $1 AND (a.org_unit_path && $3::uuid[] OR a.asset_owner_id = $4
                     OR a.system_manager_id = $4)
              ORDER BY a.code`,
      values: [tenant, node, scope, me],
    },
  ];
}
