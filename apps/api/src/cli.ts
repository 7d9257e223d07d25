import 'reflect-metadata';
import { renderAuthzMatrix } from '@varna/authz';
import { loadConfig } from '@varna/config';
import { SystemClock } from '@varna/core';
import { DemoSeeder, demoPassword } from '@varna/demo';
import { HistoryService } from '@varna/history';
import { ClassificationReviewService } from '@varna/classification';
import { IncidentAlertsService } from '@varna/incident';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createApp, buildOpenApiDocument } from './app.factory';
import { createDataSource } from './data-source';
import { resolveDatabase } from './database';
import { pendingSchemaChanges, writeMigration } from './migration-tools';
import { provisionTenant } from './tenant-provisioning';

const ROOT = path.resolve(__dirname, '../../../..');
const OPENAPI_FILE = path.join(ROOT, 'docs/openapi.json');
const MATRIX_FILE = path.join(ROOT, 'docs/authz-matrix.md');

const USAGE = `Värna CLI
  migrate                    apply pending migrations
  revert                     revert the latest migration
  generate-migration <Name>  write migrations/<ms>-<Name>.ts from the entities
  check-migrations           fail if the entities need a migration; prove the latest down and up again
  demo-seed                  seed the demo kommun Exempelby (also into DATABASE_URL: explicit)
  history-verify             verify every tenant's history chain
  run-escalations            send the due incident escalations and untriaged reminders once (idempotent)
  run-classification-reviews send the tasks for due and flagged classifications once (idempotent)
  tenant-create --code <code> --name <name> --admin <username> --admin-name <display name> --admin-email <e-mail>
                             a new tenant with its root unit and first administrator
                             (password from VARNA_ADMIN_PASSWORD, at least 12 characters)
  openapi [--check]          write (or check) docs/openapi.json
  authz-matrix [--check]     write (or check) docs/authz-matrix.md
`;

async function withDataSource<T>(fn: (ds: ReturnType<typeof createDataSource>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const ds = createDataSource(db.url);
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

async function writeOrCheck(file: string, content: string, check: boolean): Promise<void> {
  if (check) {
    const current = await fs.readFile(file, 'utf8').catch(() => '');
    if (current !== content) {
      throw new Error(`${path.relative(ROOT, file)} is out of date: run the generator and commit the result`);
    }
    console.log(`${path.relative(ROOT, file)} is current`);
    return;
  }
  await fs.writeFile(file, content);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith('--') || args[i + 1] === undefined)
      throw new Error(`Unexpected argument ${args[i]}`);
    flags[args[i].slice(2)] = args[i + 1];
  }
  return flags;
}

async function main(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  switch (command) {
    case 'migrate':
      return withDataSource(async (ds) => {
        const applied = await ds.runMigrations({ transaction: 'each' });
        console.log(
          applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations',
        );
      });
    case 'revert':
      return withDataSource(async (ds) => {
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('reverted the latest migration');
      });
    case 'generate-migration':
      if (!arg) throw new Error('usage: generate-migration <PascalCaseName>');
      return withDataSource(async (ds) => {
        await ds.runMigrations({ transaction: 'each' });
        const file = await writeMigration(ds, arg, path.join(ROOT, 'migrations'));
        console.log(
          file ? `wrote ${path.relative(ROOT, file)}; add it to migrations/index.ts` : 'nothing to generate',
        );
      });
    case 'check-migrations':
      return withDataSource(async (ds) => {
        await ds.runMigrations({ transaction: 'each' });
        const { up } = await pendingSchemaChanges(ds);
        if (up.length) throw new Error(`Entities need a migration:\n${up.join(';\n')}`);
        await ds.undoLastMigration({ transaction: 'each' });
        await ds.runMigrations({ transaction: 'each' });
        const after = await pendingSchemaChanges(ds);
        if (after.up.length) throw new Error(`Schema differs after down + up:\n${after.up.join(';\n')}`);
        console.log('migrations complete; the latest down and up again work');
      });
    case 'demo-seed': {
      const config = loadConfig();
      const db = await resolveDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });
      try {
        await app.get(DataSource).runMigrations({ transaction: 'each' });
        const credentials = await demoPassword(config.demoPassword, config.absoluteDataDir);
        const result = await app.get(DemoSeeder).seed({ password: credentials.password });
        console.log(
          result.created
            ? `seeded Exempelby kommun: ${result.orgUnits} units, ${result.people} people, ${result.roleAssignments} role assignments, ${result.incidents} incidents, ${result.informationSets} information sets, ${result.assets} assets`
            : result.incidents || result.informationSets
              ? `Exempelby kommun was seeded before these existed: added ${result.incidents} incidents, ${result.informationSets} information sets, ${result.assets} assets`
              : 'Exempelby kommun is already seeded; nothing changed',
        );
        if (credentials.file) console.log(`demo password in ${credentials.file}`);
      } finally {
        await app.close();
        await db.stop();
      }
      return;
    }
    case 'history-verify': {
      const config = loadConfig();
      const db = await resolveDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });
      let broken = 0;
      try {
        const ds = app.get(DataSource);
        const tenants = await ds.query<{ id: string; code: string }[]>(
          'SELECT id, code FROM tenant ORDER BY code',
        );
        for (const t of tenants) {
          const result = await app.get(HistoryService).verify(t.id);
          if (result.ok) console.log(`${t.code}: ok, ${result.entriesChecked} entries`);
          else {
            broken += 1;
            console.log(
              `${t.code}: BROKEN at seq ${result.firstBreak?.seq} (${result.firstBreak?.reason}), entry ${result.firstBreak?.entryId}`,
            );
          }
        }
      } finally {
        await app.close();
        await db.stop();
      }
      if (broken) process.exitCode = 1;
      return;
    }
    case 'run-escalations': {
      const config = loadConfig();
      const db = await resolveDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });
      try {
        const run = await app.get(IncidentAlertsService).runEscalations();
        console.log(
          `escalations: ${run.created} notifications sent (${run.obligationsChecked} open stages, ${run.untriagedChecked} untriaged incidents checked)`,
        );
      } finally {
        await app.close();
        await db.stop();
      }
      return;
    }
    case 'run-classification-reviews': {
      const config = loadConfig();
      const db = await resolveDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });
      try {
        const run = await app.get(ClassificationReviewService).runReviews();
        console.log(
          `classification reviews: ${run.created} notifications sent (${run.due} due or flagged decisions)`,
        );
      } finally {
        await app.close();
        await db.stop();
      }
      return;
    }
    case 'tenant-create': {
      const flags = parseFlags(argv.slice(1));
      const required = ['code', 'name', 'admin', 'admin-name', 'admin-email'];
      const missing = required.filter((f) => !flags[f]);
      const password = process.env.VARNA_ADMIN_PASSWORD;
      if (missing.length || !password) {
        throw new Error(`tenant-create needs --${missing.join(', --') || '…'} and VARNA_ADMIN_PASSWORD`);
      }
      const config = loadConfig();
      const db = await resolveDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url, clock: new SystemClock() });
      try {
        await app.get(DataSource).runMigrations({ transaction: 'each' });
        const result = await provisionTenant(app, {
          code: flags.code,
          name: flags.name,
          adminUsername: flags.admin,
          adminDisplayName: flags['admin-name'],
          adminEmail: flags['admin-email'],
          adminPassword: password,
        });
        console.log(`created tenant ${flags.code} (${result.tenantId}); administrator ${flags.admin}`);
      } finally {
        await app.close();
        await db.stop();
      }
      return;
    }
    case 'openapi': {
      const config = loadConfig({}, { logLevel: 'error' });
      const app = await createApp({
        config,
        databaseUrl: 'postgres://preview',
        clock: new SystemClock(),
        preview: true,
      });
      const document = buildOpenApiDocument(app);
      await writeOrCheck(OPENAPI_FILE, JSON.stringify(document, null, 2) + '\n', arg === '--check');
      await app.close();
      return;
    }
    case 'authz-matrix':
      return writeOrCheck(MATRIX_FILE, renderAuthzMatrix(), arg === '--check');
    default:
      console.log(USAGE);
      if (command) process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
