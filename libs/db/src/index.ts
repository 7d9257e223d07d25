export { TenantScopedEntity } from './base.entity';
export { createDataSourceOptions, type DataSourceParts } from './data-source-options';
export { VarnaNamingStrategy } from './naming.strategy';
export {
  startEmbeddedPostgres,
  freePort,
  type RunningPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres';
export { oneOf, allOf } from './sql-checks';
