import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { findWebRoot } from './web-assets';

/** The built web app from the API's origin (npm test builds it first). */
describe('web assets served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the build of apps/web', () => {
    const root = findWebRoot();
    expect(root).toBe(path.resolve(process.cwd(), 'apps/web/dist'));
    expect(existsSync(path.join(root as string, 'index.html'))).toBe(true);
  });

  it.each(['/', '/logga-in', '/organisation/5f0c9a3e-0000-4000-8000-000000000000', '/personer?q=lund'])(
    'GET %s answers the page, with a strict CSP and no caching',
    async (url) => {
      const res = await t.http.get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('serves the hashed assets with a long cache', async () => {
    const page = await t.http.get('/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const res = await t.http.get(script as string);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const res = await t.http.get('/assets/index-missing.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('leaves /api alone: an unknown API route stays the JSON 404', async () => {
    for (const url of ['/api', '/api/', '/api/no-such-route', '/api/org-units/x/y/z']) {
      const res = await t.http.get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.body.code, url).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('answers only GET and HEAD with the page', async () => {
    expect((await t.http.head('/organisation')).status).toBe(200);
    const post = await t.http.post('/organisation').send({});
    expect(post.status).toBe(404);
    expect(post.text).not.toContain('<div id="root">');
  });
});
