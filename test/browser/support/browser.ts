import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app';
import { DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';

/** Debian's chromium, driven by playwright-core (no browser downloads, architecture.md §8). */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WEB_INDEX = path.resolve(process.cwd(), 'apps/web/dist/index.html');
export const SCREENSHOTS = path.resolve(process.cwd(), 'test-results/screenshots');

/**
 * Installs Debian's chromium when it is missing and we may (root with apt-get, as in CI); otherwise
 * says plainly what to do. Test files run in parallel, so one installs while the others wait.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(
      `Browser tests need Debian's chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`,
    );
  }
  const lock = path.join('/tmp', 'varna-chromium-install.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(CHROMIUM)) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another chromium install)`);
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (!existsSync(CHROMIUM)) {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    }
  } finally {
    rmdirSync(lock);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
}

export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A fresh context (own cookies) with the browser's clock at DEMO_NOW, Swedish locale and time zone. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The API with the built web app on a cloned demo database, listening on a free port, and a browser. */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `No web build at ${WEB_INDEX}: run \`npm run build\` (npm test does) before the browser tests.`,
    );
  }
  ensureChromium();
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    t,
    base,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: base,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        // axe-core is injected as a script tag; the app's own CSP would (rightly) refuse it.
        bypassCSP: true,
      });
      // The server's clock is fixed at DEMO_NOW; the browser's "today" must be the same day.
      await context.clock.setFixedTime(DEMO_NOW);
      contexts.push(context);
      const page = await context.newPage();
      // Shorter than the test's own timeout, so a stuck step says which one it was.
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => console.error(`page error on ${page.url()}:`, error));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the sign-in page (starting at `path`) and waits for the signed-in layout. */
export async function signIn(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path);
  await fillSignIn(page, username, DEMO_PASSWORD);
  // Attached, not visible: on a phone the menu waits behind its button.
  await page.locator('#main-nav').waitFor({ state: 'attached' });
}

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

export const mainHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The menu's link texts, in order. */
export const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const AXE = path.resolve(process.cwd(), 'node_modules/axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core with the WCAG 2.1 A and AA rules; fails with every violation listed. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Strings, not functions: this file is compiled for Node, without the DOM's types.
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'")))
    await page.addScriptTag({ path: AXE });
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS } });
  const result = await page.evaluate<AxeResult>(`window.axe.run(document, ${options})`);
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${label} (${page.url()})`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
