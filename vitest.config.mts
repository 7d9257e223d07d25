import react from '@vitejs/plugin-react';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        // SWC keeps decorator metadata, which Nest's DI and TypeORM need.
        plugins: [swc.vite({ module: { type: 'es6' } })],
        resolve: {
          alias: [
            { find: /^@varna\/authz\/core$/, replacement: path.join(root, 'libs/authz/src/core/index.ts') },
            { find: /^@varna\/([a-z-]+)$/, replacement: path.join(root, 'libs/$1/src/index.ts') },
          ],
        },
        test: {
          name: 'node',
          include: ['libs/**/*.spec.ts', 'libs/**/*.int-spec.ts', 'apps/**/*.spec.ts', 'test/**/*.spec.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['reflect-metadata'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The web app's component and unit tests (apps/web/src/**/*.test.ts[x]), in happy-dom.
        plugins: [react()],
        resolve: {
          alias: [
            { find: /^@varna\/authz\/core$/, replacement: path.join(root, 'libs/authz/src/core/index.ts') },
          ],
        },
        test: {
          name: 'web',
          root,
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
