import 'reflect-metadata';
import autocannon from 'autocannon';
import { stockholmDate } from '@varna/core';
import { freePort } from '@varna/db';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { benchDatabase } from './db';
import { BENCH_NOW, BENCH_PASSWORD, BENCH_TENANT, BENCH_USERS } from './fixture';
import { parseArgs } from './profiles';
import { SCENARIOS } from './scenarios';
import type { BenchParams, HttpRequest, Scenario } from './scenarios/scenario';
import { round, summarise, type RunStats } from './stats';

const ROOT = path.resolve(__dirname, '../..');
/** The API of the same build as this runner. */
const MAIN = path.resolve(__dirname, '../apps/api/src/main.js');
const CLI = path.resolve(__dirname, '../apps/api/src/cli.js');

export interface ScenarioResult {
  id: string;
  name: string;
  target: Scenario['target'];
  api: RunStats[];
  raw: RunStats[] | null;
  check: { ok: boolean; detail: string } | null;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  dataset: Record<string, number>;
  durationSeconds: number;
  connections: number[];
  rssMaxMb: number;
  errors: number;
  scenarios: ScenarioResult[];
  targets: { ok: boolean; failed: string[] };
}

export interface RunOptions {
  durationSeconds: number;
  connections: number[];
  out: string;
  /** Seconds of unrecorded warm-up per scenario (JIT, plan caches, page cache). */
  warmupSeconds: number;
  /** A request unanswered this long counts as an error (a timeout). */
  timeoutSeconds: number;
  /** Scenario ids to run (default all); the floor (a) is needed for the list targets' bound. */
  only?: string[];
  log?: (line: string) => void;
}

/** `npm run bench`: the compiled API on the generated data, every scenario at every connection count. */
export async function runBenchmark(options: RunOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await benchDatabase();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  let api: Api | undefined;
  try {
    const params = await benchParams(client);
    // Earlier runs' submissions (f) left pages the visibility map does not mark all-visible yet:
    // settle them, as autovacuum would, so a run measures the dataset and not the last run's writes.
    await client.query('VACUUM (ANALYZE) incident, incident_timeline_entry, history_entry');
    const dataset = await datasetCounts(client);
    log(
      `dataset: ${Object.entries(dataset)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
    api = await startApi(db.url);
    const tokens = {
      coordinator: await login(api.base, BENCH_USERS.coordinator),
      ciso: await login(api.base, BENCH_USERS.ciso),
      reporter: await login(api.base, params.reporterUsername),
    };
    const pool = new Pool({ connectionString: db.url, max: Math.max(...options.connections) });
    const results: ScenarioResult[] = [];
    try {
      const chosen = SCENARIOS.filter((s) => !options.only || options.only.includes(s.id));
      const ordered = [...chosen.filter((s) => !s.writes), ...chosen.filter((s) => s.writes)];
      for (const scenario of ordered) {
        const request = scenario.request(params);
        const headers = { authorization: `Bearer ${tokens[scenario.user]}` };
        const timeout = options.timeoutSeconds;
        if (options.warmupSeconds > 0) {
          await load(api, request, headers, 16, options.warmupSeconds, timeout);
          await drain(api, tokens.coordinator);
        }
        const apiRuns: RunStats[] = [];
        for (const connections of options.connections) {
          const stats = await load(api, request, headers, connections, options.durationSeconds, timeout);
          // Requests that timed out are still being worked off by the API: let it finish them
          // before the next run, so one scenario's backlog is not measured as the next one's.
          await drain(api, tokens.coordinator);
          apiRuns.push(stats);
          log(
            `${scenario.id} ${scenario.name} @${connections}: p50 ${stats.p50} p95 ${stats.p95} ms, ${stats.perSecond}/s, ${stats.errors} errors`,
          );
        }
        let rawRuns: RunStats[] | null = null;
        if (scenario.raw) {
          const queries = scenario.raw(params);
          rawRuns = [];
          for (const connections of options.connections) {
            rawRuns.push(await rawLoad(pool, queries, connections, options.durationSeconds));
          }
        }
        results.push({
          id: scenario.id,
          name: scenario.name,
          target: scenario.target,
          api: apiRuns,
          raw: rawRuns,
          check: null,
        });
      }
    } finally {
      await pool.end();
    }
    const floorRuns = results.find((r) => r.target.kind === 'floor')?.api ?? [];
    for (const r of results) r.check = check(r, floorRuns);
    const rssMaxMb = Math.max(...results.flatMap((r) => r.api.map((s) => s.rssMaxMb ?? 0)));
    const errors = results.reduce((n, r) => n + r.api.reduce((m, s) => m + s.errors, 0), 0);
    const failed = results.filter((r) => r.check && !r.check.ok).map((r) => `${r.id}: ${r.check?.detail}`);
    if (rssMaxMb > 300) failed.push(`RSS ${rssMaxMb} MB > 300 MB`);
    if (errors > 0) failed.push(`${errors} errors`);
    const out: BenchResults = {
      startedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      dataset,
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      rssMaxMb,
      errors,
      scenarios: results,
      targets: { ok: failed.length === 0, failed },
    };
    await writeFile(options.out, JSON.stringify(out, null, 2) + '\n');
    log(table(out));
    log(`wrote ${path.relative(process.cwd(), options.out)}`);
    return out;
  } finally {
    if (api) await api.stop();
    await client.end();
    await db.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The API as a child process
// ---------------------------------------------------------------------------------------------

interface Api {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** The node flags `npm start` gives the API (package.json `config.api_node_flags`). */
function apiNodeFlags(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    config?: { api_node_flags?: string };
  };
  return pkg.config?.api_node_flags ?? '';
}

async function startApi(databaseUrl: string): Promise<Api> {
  // With DATABASE_URL the API serves the schema as it is: bring a dataset generated before a later
  // migration up to date first, or its requests fail on the missing columns.
  const migrated = spawnSync(process.execPath, [CLI, 'migrate'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrated.status !== 0)
    throw new Error(`migrating the dataset failed:\n${migrated.stdout}${migrated.stderr}`);
  const port = await freePort();
  // The API runs as `npm start` runs it: with the heap budget of package.json's config
  // (api_node_flags); BENCH_API_NODE_ARGS adds flags for profiling (e.g. --cpu-prof).
  const nodeArgs = `${apiNodeFlags()} ${process.env.BENCH_API_NODE_ARGS ?? ''}`.split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // The background jobs (escalations, classification reviews) are not what the scenarios
      // measure: five minutes after the start they would land in whichever scenario runs then.
      VARNA_ESCALATION_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Värna is running at')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the API exited early with ${code}:\n${output}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * Waits (at most two minutes) until the floor route answers within 250 ms again: the API and its
 * database pool have no queue left from the run before.
 */
async function drain(api: Api, token: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t = Date.now();
    try {
      await fetch(`${api.base}/api/me/permissions`, { headers: { authorization: `Bearer ${token}` } });
    } catch {
      // not answering yet
    }
    if (Date.now() - t < 250) return;
  }
}

/** VmRSS of a process in MB (Linux), or 0 where /proc is not there. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD, tenant: BENCH_TENANT.code }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken) throw new Error(`sign-in of ${username}: ${res.status}`);
  return body.accessToken;
}

/**
 * One autocannon run; latencies from its response events, so percentiles are exact, not bucketed.
 * A page of several requests is timed as their sum per connection (each connection sends them in
 * order). A non-2xx response, a socket error and a timeout each count as an error (a page with one
 * is not timed), and so does a connection that got no answer at all before the run ended.
 */
async function load(
  api: Api,
  request: HttpRequest | HttpRequest[],
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  timeoutSeconds: number,
): Promise<RunStats> {
  const requests = Array.isArray(request) ? request : [request];
  const latencies: number[] = [];
  let errors = 0;
  const pages = new Map<unknown, { n: number; ms: number; failed: boolean }>();
  const page = (client: unknown) => {
    let p = pages.get(client);
    if (!p) pages.set(client, (p = { n: 0, ms: 0, failed: false }));
    return p;
  };
  const failures: Record<string, number> = {};
  const fail = (why: string) => (failures[why] = (failures[why] ?? 0) + 1);
  const settle = (client: unknown, ms: number, status: number) => {
    const ok = status >= 200 && status < 300;
    if (!ok) fail(String(status));
    const p = page(client);
    p.n += 1;
    p.ms += ms;
    p.failed ||= !ok;
    if (!ok) errors += 1;
    if (p.n === requests.length) {
      if (!p.failed) latencies.push(p.ms);
      pages.set(client, { n: 0, ms: 0, failed: false });
    }
  };
  let rssMax = rssMb(api.pid);
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(api.pid))), 200);
  let n = 0;
  const started = process.hrtime.bigint();
  try {
    let instance: autocannon.Instance | undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: api.base,
          connections,
          duration: seconds,
          // A request unanswered this long is an error, a timeout.
          timeout: timeoutSeconds,
          requests: requests.map((r) => ({
            method: r.method,
            path: r.path,
            headers: { ...headers, 'content-type': 'application/json' },
            ...(r.fresh && {
              setupRequest: (req: autocannon.Request) => {
                const fresh = r.fresh?.((n += 1)) ?? {};
                return {
                  ...req,
                  headers: { ...req.headers, ...fresh.headers },
                  body: fresh.body === undefined ? undefined : JSON.stringify(fresh.body),
                };
              },
            }),
          })),
        },
        (err: Error | null, result: autocannon.Result) => (err ? reject(err) : resolve(result)),
      );
    });
    instance?.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) =>
      settle(client, responseTime, statusCode),
    );
    // Socket errors and timeouts (autocannon reports a timeout as a reqError, counted once here).
    instance?.on('reqError', (error: Error) => {
      fail(/timed out/.test(error.message) ? 'timeout' : 'socket');
      errors += 1;
    });
    await done;
  } finally {
    clearInterval(sampler);
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    ...summarise(connections, latencies, errors, elapsed),
    rssMaxMb: Math.max(rssMax, rssMb(api.pid)),
    ...(errors > 0 && { failures }),
  };
}

/** The same SQL through `pg`: `connections` clients looping for `seconds`, each request timed. */
async function rawLoad(
  pool: Pool,
  queries: { text: string; values: unknown[] }[],
  connections: number,
  seconds: number,
): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = await pool.connect();
      try {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          try {
            for (const q of queries) await c.query(q.text, q.values);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          } catch {
            errors += 1;
          }
        }
      } finally {
        c.release();
      }
    }),
  );
  return summarise(connections, latencies, errors, Number(process.hrtime.bigint() - started) / 1e9);
}

// ---------------------------------------------------------------------------------------------
// Parameters, targets, table
// ---------------------------------------------------------------------------------------------

export async function benchParams(client: Client): Promise<BenchParams & { reporterUsername: string }> {
  const tenant = await client.query<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [
    BENCH_TENANT.code,
  ]);
  if (!tenant.rowCount)
    throw new Error('No bench dataset: run `npm run bench:data -- --scale small|medium|large` first');
  const tenantId = tenant.rows[0].id;
  const person = async (username: string) =>
    (
      await client.query<{ id: string }>('SELECT id FROM person WHERE tenant_id = $1 AND username = $2', [
        tenantId,
        username,
      ])
    ).rows[0].id;
  const coordinatorId = await person(BENCH_USERS.coordinator);
  const units = await client.query<{ org_unit_ids: string[] }>(
    `SELECT org_unit_ids FROM role_assignment WHERE person_id = $1 AND role = 'COORDINATOR'`,
    [coordinatorId],
  );
  // An ordinary employee (no role assignment) reports in (f).
  const reporter = await client.query<{ id: string; username: string; home_org_unit_id: string }>(
    `SELECT p.id, p.username, p.home_org_unit_id FROM person p
      WHERE p.tenant_id = $1 AND NOT p.is_elected
        AND NOT EXISTS (SELECT 1 FROM role_assignment r WHERE r.person_id = p.id)
      ORDER BY p.username LIMIT 1`,
    [tenantId],
  );
  return {
    tenantId,
    coordinator: { personId: coordinatorId, orgUnitIds: units.rows.flatMap((r) => r.org_unit_ids) },
    ciso: { personId: await person(BENCH_USERS.ciso) },
    reporter: { personId: reporter.rows[0].id, homeOrgUnitId: reporter.rows[0].home_org_unit_id },
    reporterUsername: reporter.rows[0].username,
    year: Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Stockholm' }).format(BENCH_NOW),
    ),
    // The API runs on the real clock, so its KPIs' "today" is today, not the dataset's now.
    today: stockholmDate(new Date()),
  };
}

async function datasetCounts(client: Client): Promise<Record<string, number>> {
  const tables = [
    'org_unit',
    'person',
    'role_assignment',
    'information_set',
    'asset',
    'asset_information_link',
    'asset_dependency',
    'classification',
    'incident',
    'incident_timeline_entry',
    'regulatory_obligation',
    'history_entry',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  return counts;
}

const at16 = (runs: RunStats[] | null) =>
  runs?.find((r) => r.connections === 16) ?? runs?.[Math.floor(runs.length / 2)];

function check(r: ScenarioResult, floorRuns: RunStats[]): { ok: boolean; detail: string } | null {
  const t = r.target;
  const api = at16(r.api);
  if (!api) return null;
  switch (t.kind) {
    case 'floor':
      return null;
    case 'list': {
      const raw = at16(r.raw);
      const floor = at16(floorRuns);
      if (!raw || !floor) return null;
      const bound = round(t.ratio * (raw.p50 + floor.p50));
      const ok = api.p50 <= bound && api.p95 <= t.p95Ms;
      return {
        ok,
        detail: `@${api.connections}: p50 ${api.p50} ≤ ${bound} (${t.ratio} × (raw ${raw.p50} + floor ${floor.p50})), p95 ${api.p95} ≤ ${t.p95Ms}`,
      };
    }
    case 'p95':
      return { ok: api.p95 <= t.p95Ms, detail: `@${api.connections}: p95 ${api.p95} ≤ ${t.p95Ms}` };
    case 'throughput': {
      const best = r.api.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
      return {
        ok: best.perSecond >= t.perSecond,
        detail: `best ${best.perSecond}/s (@${best.connections}) ≥ ${t.perSecond}/s`,
      };
    }
  }
}

function table(results: BenchResults): string {
  const rows = [
    [
      '',
      'conns',
      'API p50',
      'p95',
      'p99',
      'req/s',
      'err',
      'RSS MB',
      'SQL p50',
      'SQL p95',
      'API/(SQL+floor) p50',
    ],
  ];
  const floor = results.scenarios.find((s) => s.target.kind === 'floor')?.api ?? [];
  for (const s of results.scenarios) {
    s.api.forEach((a, i) => {
      const raw = s.raw?.[i];
      const f = floor[i];
      rows.push([
        i === 0 ? s.id : '',
        String(a.connections),
        String(a.p50),
        String(a.p95),
        String(a.p99),
        String(a.perSecond),
        String(a.errors),
        String(a.rssMaxMb ?? ''),
        raw ? String(raw.p50) : '',
        raw ? String(raw.p95) : '',
        raw && f ? String(round(a.p50 / (raw.p50 + f.p50))) : '',
      ]);
    });
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => cell.padStart(widths[c])).join('  '));
  const names = results.scenarios.map((s) => `  ${s.id}  ${s.name}`);
  const checks = results.scenarios
    .filter((s) => s.check)
    .map((s) => `  ${s.check?.ok ? 'PASS' : 'MISS'} ${s.id}: ${s.check?.detail}`);
  checks.push(`  ${results.rssMaxMb <= 300 ? 'PASS' : 'MISS'} RSS max ${results.rssMaxMb} MB ≤ 300 MB`);
  checks.push(`  ${results.errors === 0 ? 'PASS' : 'MISS'} ${results.errors} errors`);
  return ['', ...names, '', ...lines, '', 'Targets (issue 6, D-44):', ...checks, ''].join('\n');
}

if (require.main === module) {
  const flags = parseArgs(process.argv.slice(2));
  // `--data-dir DIR`: an existing generated dataset (its embedded PostgreSQL), as VARNA_DATA_DIR.
  if (flags['data-dir']) process.env.VARNA_DATA_DIR = path.resolve(flags['data-dir']);
  runBenchmark({
    durationSeconds: Number(flags.duration ?? 10),
    connections: (flags.connections ?? '1,16,64').split(',').map(Number),
    warmupSeconds: Number(flags.warmup ?? 2),
    // Default: 80 % of a run, at most 10 s (autocannon's own), so a request stuck since the start
    // of a run is counted, not lost when the run ends.
    timeoutSeconds: Number(
      flags.timeout ?? Math.min(10, Math.max(1, Math.floor(Number(flags.duration ?? 10) * 0.8))),
    ),
    out: path.resolve(flags.out ?? path.join(ROOT, 'bench/results.json')),
    only: flags.only?.split(','),
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
