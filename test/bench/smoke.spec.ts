import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@varna/testing';
import { SCENARIOS } from '../../bench/scenarios';

/**
 * The benchmark as `npm run bench:data` and `npm run bench` run it (the compiled build, built by
 * `npm test` before vitest), on the small profile in a database of its own, for a second per run:
 * so the generator and the runner cannot rot. No timing is asserted, only that everything ran.
 */
const DIST = path.resolve(process.cwd(), 'dist');

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(DIST, script), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

interface Stats {
  connections: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  rssMaxMb?: number;
  failures?: Record<string, number>;
}

describe('npm run bench on the small profile', () => {
  let databaseUrl: string;
  let dir: string;
  let generated: { code: number | null; output: string };
  let benched: { code: number | null; output: string };
  let results: {
    dataset: Record<string, number>;
    rssMaxMb: number;
    errors: number;
    scenarios: { id: string; api: Stats[]; raw: Stats[] | null }[];
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('empty');
    dir = await mkdtemp(path.join(os.tmpdir(), 'varna-bench-'));
    generated = await run('bench/data/generate.js', ['--scale', 'small'], { DATABASE_URL: databaseUrl });
    const out = path.join(dir, 'results.json');
    benched = await run(
      'bench/run.js',
      // A generous timeout: the smoke run checks that everything answers, on however busy a machine.
      ['--duration', '1', '--warmup', '0', '--timeout', '60', '--connections', '1,4', '--out', out],
      { DATABASE_URL: databaseUrl },
    );
    results = JSON.parse(await readFile(out, 'utf8')) as typeof results;
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates the small Storstad through the app migrations', () => {
    expect(generated.code, generated.output).toBe(0);
    expect(generated.output).toContain('Storstads stad (small)');
    expect(results.dataset.incident).toBe(600);
    expect(results.dataset.org_unit).toBe(54);
    expect(results.dataset.person).toBe(300);
    expect(results.dataset.information_set).toBe(40);
    expect(results.dataset.asset).toBe(80);
    expect(results.dataset.asset_information_link).toBe(120);
    expect(results.dataset.classification).toBeGreaterThan(40);
  });

  it('runs every scenario at 1 and 4 connections without an error', () => {
    expect(benched.code, benched.output).toBe(0);
    expect(results.scenarios.map((s) => s.id).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    for (const s of results.scenarios) {
      const scenario = SCENARIOS.find((x) => x.id === s.id);
      const runs = [...s.api, ...(s.raw ?? [])];
      expect(s.api.map((r) => r.connections)).toEqual([1, 4]);
      expect(s.raw === null, s.id).toBe(scenario?.raw === undefined);
      for (const r of runs) {
        expect(r.errors, `${s.id}: ${JSON.stringify(r.failures)}`).toBe(0);
        expect(r.requests, s.id).toBeGreaterThan(0);
        for (const v of [r.p50, r.p95, r.p99, r.perSecond]) expect(Number.isFinite(v), s.id).toBe(true);
      }
      for (const r of s.api) expect(r.rssMaxMb, s.id).toBeGreaterThan(0);
    }
    expect(results.errors).toBe(0);
    expect(benched.output).toContain('Targets (issue 6, D-44)');
  });

  it('leaves a history chain that verifies, the API’s submissions chained onto the generated entries', async () => {
    const verified = await run('apps/api/src/cli.js', ['history-verify'], { DATABASE_URL: databaseUrl });
    expect(verified.code, verified.output).toBe(0);
    const checked = Number(/storstad: ok, (\d+) entries/.exec(verified.output)?.[1]);
    const submitted = results.scenarios.find((s) => s.id === 'f')?.api.reduce((n, r) => n + r.requests, 0);
    expect(checked).toBeGreaterThanOrEqual(results.dataset.history_entry + (submitted ?? 0));
  });
});
