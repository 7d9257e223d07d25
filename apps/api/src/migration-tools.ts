import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/** The SQL the entities need that the migrations have not applied: empty when nothing is missing. */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}

const q = (sql: string) => '`' + sql.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

/** Writes `migrations/<unix-ms>-<Name>.ts` from the pending schema changes. */
export async function writeMigration(
  dataSource: DataSource,
  name: string,
  dir: string,
): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Migration name must be PascalCase, e.g. AddRiskTable');
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) return null;
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const file = path.join(dir, `${stamp}-${name}.ts`);
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((s) => `    await queryRunner.query(${q(s)});`)
  .join('\n')}
  }
}
`;
  await fs.writeFile(file, body);
  return file;
}
