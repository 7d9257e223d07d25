import type { EntityManager } from 'typeorm';

/**
 * Keeps the denormalised facts of the registers true, in the transaction of the change: BR-A4 (an
 * asset holds personal data / special-category data when a linked, non-retired set does), the owners
 * of an asset's sets (`asset.information_owner_ids`) and the keepers of a set's assets
 * (`information_set.asset_keeper_ids`, BR-A3). Called with every asset and set whose links, owners,
 * flags or status changed (a removed link: both ends); their linked rows are refreshed too.
 */
export async function refreshLinkedFacts(
  m: EntityManager,
  tenantId: string,
  changed: { assetIds?: string[]; setIds?: string[] },
): Promise<void> {
  const assetIds = changed.assetIds ?? [];
  const setIds = changed.setIds ?? [];
  const [{ assets, sets }] = await m.query<{ assets: string[]; sets: string[] }[]>(
    `SELECT ARRAY(SELECT unnest($2::uuid[]) UNION SELECT asset_id FROM asset_information_link
                   WHERE tenant_id = $1 AND information_set_id = ANY($3::uuid[])) AS assets,
            ARRAY(SELECT unnest($3::uuid[]) UNION SELECT information_set_id FROM asset_information_link
                   WHERE tenant_id = $1 AND asset_id = ANY($2::uuid[])) AS sets`,
    [tenantId, assetIds, setIds],
  );
  if (assets.length) {
    await m.query(
      `UPDATE asset a
          SET contains_personal_data = f.pd, special_category_data = f.sc, information_owner_ids = f.owners
         FROM (SELECT a2.id,
                      COALESCE(bool_or(s.contains_personal_data), false) AS pd,
                      COALESCE(bool_or(s.special_category_data), false) AS sc,
                      COALESCE(array_agg(DISTINCT s.information_owner_id ORDER BY s.information_owner_id)
                               FILTER (WHERE s.information_owner_id IS NOT NULL), '{}') AS owners
                 FROM asset a2
                 LEFT JOIN asset_information_link l ON l.asset_id = a2.id
                 LEFT JOIN information_set s ON s.id = l.information_set_id AND s.status <> 'RETIRED'
                WHERE a2.tenant_id = $1 AND a2.id = ANY($2::uuid[])
                GROUP BY a2.id) f
        WHERE a.id = f.id
          AND (a.contains_personal_data, a.special_category_data, a.information_owner_ids)
              IS DISTINCT FROM (f.pd, f.sc, f.owners)`,
      [tenantId, assets],
    );
  }
  if (sets.length) {
    await m.query(
      `UPDATE information_set s SET asset_keeper_ids = f.keepers
         FROM (SELECT s2.id,
                      COALESCE(array_agg(DISTINCT k.id ORDER BY k.id) FILTER (WHERE k.id IS NOT NULL), '{}')
                        AS keepers
                 FROM information_set s2
                 LEFT JOIN asset_information_link l ON l.information_set_id = s2.id
                 LEFT JOIN asset a ON a.id = l.asset_id AND a.status <> 'RETIRED'
                 LEFT JOIN LATERAL unnest(ARRAY[a.asset_owner_id, a.system_manager_id]) AS k(id) ON true
                WHERE s2.tenant_id = $1 AND s2.id = ANY($2::uuid[])
                GROUP BY s2.id) f
        WHERE s.id = f.id AND s.asset_keeper_ids IS DISTINCT FROM f.keepers`,
      [tenantId, sets],
    );
  }
}
