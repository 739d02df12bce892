import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the console to console/dist, which the server serves. JSX goes through Vite's built-in
 * esbuild transform (automatic runtime), so no React plugin is needed. `npm run dev`-style work:
 * `npx vite --config console/vite.config.ts` proxies /api to a running callvault.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': process.env.CALLVAULT_API_URL ?? 'http://127.0.0.1:8080' } },
});
