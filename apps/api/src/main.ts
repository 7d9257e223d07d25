import 'reflect-metadata';
import { ConfigError, loadConfig } from '@varna/config';
import { createLogger, SystemClock } from '@varna/core';
import { DemoSeeder, demoPassword, EXEMPELBY_PEOPLE } from '@varna/demo';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { resolveDatabase } from './database';

/**
 * `npm start`: without DATABASE_URL, an embedded PostgreSQL under $VARNA_DATA_DIR with the demo
 * kommun; with DATABASE_URL, that database as it is (migrate it with `npm run db:migrate`).
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await resolveDatabase(config);
  const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });

  let demoBanner = '';
  if (db.embedded) {
    const dataSource = app.get(DataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    const credentials = await demoPassword(config.demoPassword, config.absoluteDataDir);
    const seeded = await app.get(DemoSeeder).seed({ password: credentials.password });
    if (seeded.created || seeded.incidents || seeded.informationSets)
      log.info(seeded, 'seeded the demo kommun Exempelby');
    demoBanner = [
      '',
      'Demo: Exempelby kommun. Sign in as any of these users:',
      '  ' + EXEMPELBY_PEOPLE.map((p) => p.username).join(', '),
      `Password: ${credentials.password}` + (credentials.file ? `  (kept in ${credentials.file})` : ''),
    ].join('\n');
  }

  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  console.log(`\nVärna is running at ${url}  (API ${url}/api, OpenAPI ${url}/api/docs)` + demoBanner + '\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
