import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: the app's DataSource, or the EntityManager of a transaction. */
export type Sql = Pick<EntityManager, 'query'>;

export interface OtherTenantUnit {
  code: string;
  /** Code of the parent unit (created earlier in the list, or the root); default the root. */
  parent?: string;
  /** Default the code. */
  name?: string;
  /** Default the name. */
  shortName?: string;
}

export interface OtherTenantPerson {
  username: string;
  /** Default random. */
  id?: string;
  /** Default the username. */
  displayName?: string;
  /** Default `<username>@<tenant code>.example`. */
  email?: string;
  /** Code of the home unit; default the root. */
  home?: string;
  /** A credential row with this password hash (changed at `passwordChangedAt`, default now()). */
  passwordHash?: string;
  passwordChangedAt?: string;
}

export interface OtherTenantOptions {
  /** Default 'andraby'. */
  code?: string;
  /** Default 'Andraby kommun'. */
  name?: string;
  /** Default random. */
  tenantId?: string;
  /** The TENANT_ROOT unit (code ROOT): its id (default random), name and short name (default the tenant name). */
  root?: { id?: string; name?: string; shortName?: string };
  /** valid_from of every unit; default '2026-01-01'. */
  validFrom?: string;
  /** Units below the root, parents before their children. */
  units?: OtherTenantUnit[];
  people?: OtherTenantPerson[];
}

export interface OtherTenant {
  tenantId: string;
  rootId: string;
  /** Every unit created, the root as 'ROOT', by code: id and path (root first). */
  units: Record<string, { id: string; path: string[] }>;
  /** Id of every person created, by username. */
  people: Record<string, string>;
}

/**
 * A second kommun written straight into the database: a tenant, its root unit (code ROOT, path
 * [id]), optionally units below it and people (with credentials). Returns the ids it created.
 */
export async function createOtherTenant(sql: Sql, options: OtherTenantOptions = {}): Promise<OtherTenant> {
  const code = options.code ?? 'andraby';
  const name = options.name ?? 'Andraby kommun';
  const tenantId = options.tenantId ?? randomUUID();
  const validFrom = options.validFrom ?? '2026-01-01';
  await sql.query('INSERT INTO tenant (id, code, name) VALUES ($1, $2, $3)', [tenantId, code, name]);

  const units: OtherTenant['units'] = {};
  const addUnit = async (
    id: string,
    unit: Required<Omit<OtherTenantUnit, 'parent'>>,
    parent: string | null,
  ) => {
    const above = parent === null ? null : units[parent];
    if (above === undefined) throw new Error(`createOtherTenant: no unit ${parent} above ${unit.code}`);
    const path = [...(above?.path ?? []), id];
    await sql.query(
      `INSERT INTO org_unit (id, tenant_id, code, name, short_name, type, parent_id, path, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9)`,
      [
        id,
        tenantId,
        unit.code,
        unit.name,
        unit.shortName,
        above ? 'UNIT' : 'TENANT_ROOT',
        above?.id ?? null,
        path,
        validFrom,
      ],
    );
    units[unit.code] = { id, path };
  };
  const rootName = options.root?.name ?? name;
  const rootShortName = options.root?.shortName ?? rootName;
  await addUnit(
    options.root?.id ?? randomUUID(),
    { code: 'ROOT', name: rootName, shortName: rootShortName },
    null,
  );
  for (const unit of options.units ?? []) {
    const unitName = unit.name ?? unit.code;
    await addUnit(
      randomUUID(),
      { code: unit.code, name: unitName, shortName: unit.shortName ?? unitName },
      unit.parent ?? 'ROOT',
    );
  }

  const people: OtherTenant['people'] = {};
  for (const person of options.people ?? []) {
    const id = person.id ?? randomUUID();
    await sql.query(
      `INSERT INTO person (id, tenant_id, username, display_name, email, home_org_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        tenantId,
        person.username,
        person.displayName ?? person.username,
        person.email ?? `${person.username}@${code}.example`,
        units[person.home ?? 'ROOT'].id,
      ],
    );
    if (person.passwordHash !== undefined) {
      await sql.query(
        `INSERT INTO credential (person_id, tenant_id, password_hash, password_changed_at)
         VALUES ($1, $2, $3, coalesce($4::timestamptz, now()))`,
        [id, tenantId, person.passwordHash, person.passwordChangedAt ?? null],
      );
    }
    people[person.username] = id;
  }

  return { tenantId, rootId: units.ROOT.id, units, people };
}
