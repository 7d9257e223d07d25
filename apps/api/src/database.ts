import { VarnaConfig } from '@varna/config';
import { startEmbeddedPostgres } from '@varna/db';
import path from 'node:path';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under $VARNA_DATA_DIR/postgres. */
export async function resolveDatabase(
  config: VarnaConfig,
  log?: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: () => Promise.resolve() };
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(config.absoluteDataDir, 'postgres'),
    database: 'varna',
    log,
  });
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
