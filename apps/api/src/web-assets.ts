import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The web app (apps/web, built by `vite build` into apps/web/dist) served by the API from the same
 * origin: hashed assets with a long cache, and every other non-/api GET answered with index.html so the
 * browser router can take over (SPA fallback). /api/* is never touched: unknown API routes stay the
 * JSON 404 of the error filter.
 */

/** Both ways this file runs: from source (vitest, apps/api/src) and compiled (dist/apps/api/src). */
export function findWebRoot(): string | null {
  const candidates = [
    path.resolve(__dirname, '../../web/dist'),
    path.resolve(__dirname, '../../../../apps/web/dist'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

const isApi = (urlPath: string) => urlPath === '/api' || urlPath.startsWith('/api/');

/** The page itself: no inline scripts or styles exist, so the policy can be strict. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setPageHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
}

/** Registers the web app on `app`; returns false (and serves nothing) when no build is there. */
export function serveWebApp(app: NestExpressApplication, root: string | null = findWebRoot()): boolean {
  if (!root) return false;
  const index = path.join(root, 'index.html');
  const assets = express.static(root, {
    index: false,
    setHeaders: (res, file) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Vite puts a content hash in every file name under assets/: those never change.
      const hashed = file.startsWith(path.join(root, 'assets') + path.sep);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (req.path === '/index.html') {
      setPageHeaders(res);
      return res.sendFile(index);
    }
    assets(req, res, () => {
      // A missing asset is a 404, not the page (a script must never receive HTML).
      if (req.path.startsWith('/assets/')) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      setPageHeaders(res);
      res.sendFile(index);
    });
  });
  return true;
}
