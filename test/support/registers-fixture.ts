import type { TestApp } from './app';

/**
 * Information sets and assets of the demo kommun written straight into the tables, for tests that
 * need a register of their own (codes starting with `T-`): the registers' own API is not the
 * subject of those tests. Keeps the registers' denormalised columns (paths, keepers, owners) true.
 */
export interface FixtureSet {
  id: string;
  code: string;
}
export interface FixtureAsset {
  id: string;
  code: string;
}

async function unit(t: TestApp, code: string): Promise<{ id: string; path: string[] }> {
  const [row] = await t.dataSource.query<{ id: string; path: string[] }[]>(
    'SELECT id, path FROM org_unit WHERE id = $1',
    [await t.unitId(code)],
  );
  return row;
}

export async function createSet(
  t: TestApp,
  s: { code: string; unit: string; owner?: string | null; status?: string },
): Promise<FixtureSet> {
  const u = await unit(t, s.unit);
  const owner = s.owner ? await t.personId(s.owner) : null;
  const [{ id }] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO information_set (tenant_id, code, name, org_unit_id, org_unit_path, information_owner_id, status)
     VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7) RETURNING id`,
    [await t.demoTenantId(), s.code, `Testmängd ${s.code}`, u.id, u.path, owner, s.status ?? 'ACTIVE'],
  );
  return { id, code: s.code };
}

export async function createAsset(
  t: TestApp,
  a: { code: string; unit: string; type?: string; owner?: string | null; systemManager?: string | null },
): Promise<FixtureAsset> {
  const u = await unit(t, a.unit);
  const [{ id }] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO asset (tenant_id, code, name, type, org_unit_id, org_unit_path, asset_owner_id, system_manager_id, status)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, 'ACTIVE') RETURNING id`,
    [
      await t.demoTenantId(),
      a.code,
      `Testtillgång ${a.code}`,
      a.type ?? 'IT_SYSTEM',
      u.id,
      u.path,
      a.owner ? await t.personId(a.owner) : null,
      a.systemManager ? await t.personId(a.systemManager) : null,
    ],
  );
  return { id, code: a.code };
}

/** Links a set to an asset and refreshes the keepers and owners on both sides (BR-A3). */
export async function link(t: TestApp, asset: FixtureAsset, set: FixtureSet): Promise<void> {
  const tenant = await t.demoTenantId();
  await t.dataSource.query(
    `INSERT INTO asset_information_link (tenant_id, asset_id, information_set_id, role) VALUES ($1, $2, $3, 'STORES')`,
    [tenant, asset.id, set.id],
  );
  await t.dataSource.query(
    `UPDATE information_set s SET asset_keeper_ids = COALESCE((
        SELECT array_agg(DISTINCT k ORDER BY k) FROM asset_information_link l JOIN asset a ON a.id = l.asset_id,
               unnest(ARRAY[a.asset_owner_id, a.system_manager_id]) k
         WHERE l.information_set_id = s.id AND k IS NOT NULL), '{}') WHERE s.id = $1`,
    [set.id],
  );
  await t.dataSource.query(
    `UPDATE asset a SET information_owner_ids = COALESCE((
        SELECT array_agg(DISTINCT s.information_owner_id ORDER BY s.information_owner_id)
          FROM asset_information_link l JOIN information_set s ON s.id = l.information_set_id
         WHERE l.asset_id = a.id AND s.information_owner_id IS NOT NULL), '{}') WHERE a.id = $1`,
    [asset.id],
  );
}

export async function depend(t: TestApp, dependant: FixtureAsset, supporting: FixtureAsset): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO asset_dependency (tenant_id, asset_id, supporting_asset_id) VALUES ($1, $2, $3)`,
    [await t.demoTenantId(), dependant.id, supporting.id],
  );
}
