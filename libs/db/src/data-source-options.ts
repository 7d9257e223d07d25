import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { VarnaNamingStrategy } from './naming.strategy';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logging?: boolean;
  poolSize?: number;
}

/** The one way a DataSource is configured, for the app, the CLI and the tests. */
export function createDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new VarnaNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install, nothing needing superuser.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: parts.logging ? ['query', 'error'] : ['error'],
    extra: { max: parts.poolSize ?? 10, application_name: 'varna' },
    applicationName: 'varna',
  };
}
