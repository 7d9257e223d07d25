import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const repo = path.resolve(root, '../..');

/** The web app: `npm run build` writes apps/web/dist (served by the API); `npm run dev:web` proxies /api. */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: [
      // The shared, framework-free CASL core: the same rules as the server (ADR 0009).
      {
        find: /^@varna\/authz\/core$/,
        replacement: path.join(repo, 'libs/authz/src/core/index.ts'),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The pages are lazy chunks (App.tsx); the libraries go in a chunk of their own, so a
        // release that changes only the app keeps the browser's cached copy of React and friends.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.VARNA_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
