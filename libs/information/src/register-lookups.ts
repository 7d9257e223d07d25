import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import type { DataSource, EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { InformationErrors } from './information.errors';

/** An ACTIVE unit of the tenant, else 400 on `field`. */
export async function activeUnit(
  m: EntityManager,
  tenantId: string,
  id: string,
  field = 'orgUnitId',
): Promise<OrgUnitEntity> {
  const unit = await m.findOneBy(OrgUnitEntity, { tenantId, id });
  if (!unit || unit.status !== 'ACTIVE') throw InformationErrors.unitInvalid(field);
  return unit;
}

/** A person of the tenant with an active account (an owner, a system manager), else 400 on `field`. */
export async function activePerson(
  m: EntityManager,
  tenantId: string,
  id: string,
  field: string,
): Promise<PersonEntity> {
  const person = await m.findOneBy(PersonEntity, { tenantId, id });
  if (!person || person.status !== 'ACTIVE') throw InformationErrors.personInvalid(field);
  return person;
}

/** Free text in code or name, `%` and `_` taken literally. */
export function whereCodeOrName<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  q: string,
) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return qb.andWhere(`(${alias}.code ILIKE :q OR ${alias}.name ILIKE :q)`, { q: pattern });
}

/** The fields a PATCH actually changes (JSON comparison, so arrays and dates compare by value). */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): string[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * Runs `work` in the caller's transaction when a manager is given (an import runs each row in a
 * savepoint of its one transaction), else in a transaction of its own.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return manager ? work(manager) : dataSource.transaction(work);
}
