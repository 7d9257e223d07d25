import { DefaultNamingStrategy, NamingStrategyInterface, Table, View } from 'typeorm';

const snake = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

const tableOf = (t: Table | View | string) => {
  const name = typeof t === 'string' ? t : t.name;
  return name.split('.').pop() as string;
};

// PostgreSQL truncates identifiers at 63 bytes; a truncated name would be silently ambiguous.
const fit = (name: string) => {
  if (name.length > 63) throw new Error(`Constraint name too long (${name.length} > 63): ${name}`);
  return name;
};

/**
 * Tables and columns singular snake_case; readable constraint names
 * (`pk_risk`, `fk_risk__owner_id__person`, `ix_risk__tenant_id__org_unit_id`, `uq_…`, `ck_…`).
 */
export class VarnaNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snake(targetName.replace(/Entity$/, ''));
  }

  override columnName(
    propertyName: string,
    customName: string | undefined,
    embeddedPrefixes: string[],
  ): string {
    return snake([...embeddedPrefixes, customName ?? propertyName].join('_'));
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return fit(`pk_${tableOf(tableOrName)}`);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`uq_${tableOf(tableOrName)}__${columnNames.join('__')}`);
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`rel_${tableOf(tableOrName)}__${columnNames.join('__')}`);
  }

  override foreignKeyName(
    tableOrName: Table | string,
    columnNames: string[],
    referencedTablePath?: string,
  ): string {
    const ref = referencedTablePath ? `__${tableOf(referencedTablePath)}` : '';
    return fit(`fk_${tableOf(tableOrName)}__${columnNames.join('__')}${ref}`);
  }

  override indexName(tableOrName: Table | View | string, columnNames: string[]): string {
    return fit(`ix_${tableOf(tableOrName)}__${columnNames.join('__')}`);
  }
}
