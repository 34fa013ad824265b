import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Production: `npm start` builds into dist/web and the API host serves it at `/`. Development: `npx vite --config
// apps/web/vite.config.ts` serves the app with hot reload and passes /api and /health to the API (ENPLAN_API, default :3000).
export default defineConfig({
  root,
  plugins: [react()],
  // The typed client lives in the workspace; the app takes its types (and nothing else) from there.
  resolve: { alias: { '@enplan/api-client': fileURLToPath(new URL('../../libs/api-client/src/index.ts', import.meta.url)) } },
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': process.env.ENPLAN_API ?? 'http://localhost:3000',
      '/health': process.env.ENPLAN_API ?? 'http://localhost:3000',
    },
  },
});
