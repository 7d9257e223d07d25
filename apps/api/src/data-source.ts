import { createDataSourceOptions } from '@varna/db';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

/** The one DataSource configuration, for the app, the CLI and the tests. */
export function createDataSource(
  url: string,
  options: { logging?: boolean; poolSize?: number } = {},
): DataSource {
  return new DataSource(
    createDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, ...options }),
  );
}
