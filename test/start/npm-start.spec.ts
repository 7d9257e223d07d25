import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@varna/db';
import { EXEMPELBY_PEOPLE } from '@varna/demo';
import { createTestDatabase } from '@varna/testing';

/**
 * What `npm start` runs (the compiled app, built by `npm test` before vitest), started as a real
 * process: embedded PostgreSQL under VARNA_DATA_DIR, migrations, demo seed, logins, clean stop.
 */
const MAIN = path.resolve(process.cwd(), 'dist/apps/api/src/main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Promise<Running> {
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    ...env,
  };
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Värna is running at')) {
        clearInterval(timer);
        resolve({ child, output: () => out, exited });
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited early with ${code}:\n${out}`));
    });
  });
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill('SIGTERM');
  return r.exited;
}

async function login(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as { accessToken?: string } };
}

const get = async (base: string, route: string, token?: string) => {
  const res = await fetch(`${base}${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('npm start on the embedded PostgreSQL', () => {
  let dataDir: string;
  let base: string;
  let port: number;
  let running: Running;
  let password: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'varna-start-'));
    await chmod(dataDir, 0o755);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await start({ PORT: String(port), VARNA_DATA_DIR: dataDir });
    const credentials = await readFile(path.join(dataDir, 'demo-credentials.txt'), 'utf8');
    password = /^password: (\S+)$/m.exec(credentials)?.[1] ?? '';
  });

  afterAll(async () => {
    if (running && running.child.exitCode === null) await stop(running);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the URL, the demo logins and the generated password', () => {
    expect(running.output()).toContain(`http://localhost:${port}`);
    expect(running.output()).toContain('emma.rahimi');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(running.output()).toContain(password);
  });

  it('lets every demo person sign in and read /api/me', async () => {
    for (const person of EXEMPELBY_PEOPLE) {
      const { status, body } = await login(base, person.username, password);
      expect(status, person.username).toBe(200);
      const me = await get(base, '/api/me', body.accessToken);
      expect(me.status).toBe(200);
      expect((me.body.person as { username: string }).username).toBe(person.username);
    }
  });

  it('answers anonymous calls with 401 and keeps emma.rahimi and nora.falk in their lanes', async () => {
    expect((await get(base, '/api/me')).status).toBe(401);
    expect((await get(base, '/api/users')).status).toBe(401);

    const emma = (await login(base, 'emma.rahimi', password)).body.accessToken;
    expect((await get(base, '/api/users', emma)).status).toBe(403);
    const create = await fetch(`${base}/api/role-assignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${emma}` },
      body: JSON.stringify({
        personId: '00000000-0000-4000-8000-000000000000',
        role: 'CISO',
        orgUnitIds: [],
      }),
    });
    expect(create.status).toBe(403);

    const nora = (await login(base, 'nora.falk', password)).body.accessToken;
    const admin = (await login(base, 'viktor.berglof', password)).body.accessToken;
    const noraSees = (await get(base, '/api/role-assignments?limit=1000', nora)).body.total as number;
    const adminSees = (await get(base, '/api/role-assignments?limit=1000', admin)).body.total as number;
    expect(adminSees).toBe(31);
    expect(noraSees).toBeGreaterThan(0);
    expect(noraSees).toBeLessThan(adminSees);
  });

  it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    expect(await stop(running)).toBe(0);
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    await expect(readFile(pidFile)).rejects.toThrow();

    running = await start({ PORT: String(port), VARNA_DATA_DIR: dataDir });
    expect(running.output()).not.toContain('seeded the demo');
    expect(running.output()).toContain(password);
    expect((await login(base, 'cecilia.lund', password)).status).toBe(200);
    expect(await stop(running)).toBe(0);
  });
});

describe('npm start with DATABASE_URL', () => {
  it('uses that database as it is and never seeds the demo into it', async () => {
    const url = await createTestDatabase('empty');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'varna-start-url-'));
    const port = await freePort();
    const running = await start({ PORT: String(port), VARNA_DATA_DIR: dataDir, DATABASE_URL: url });
    try {
      const ready = await get(`http://127.0.0.1:${port}`, '/api/health/ready');
      expect(ready.status).toBe(200);
      expect(running.output()).not.toContain('Demo: Exempelby');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cecilia.lund', password: 'whatever-long-enough' }),
      });
      expect(login.status).toBe(401);
    } finally {
      expect(await stop(running)).toBe(0);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
