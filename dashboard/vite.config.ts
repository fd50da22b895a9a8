import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Vite 8 (rolldown + oxc). No React plugin: oxc's built-in JSX transform with the automatic runtime
 * is all the app needs (no Fast Refresh in dev; a full reload is fine for a dashboard).
 *
 * Code splitting comes from dynamic imports alone: every page, the recharts-based charts (src/charts)
 * and the GraphiQL playground load lazily, so the initial entry holds only React, urql, wouter and
 * the shell (budget in README.md, checked by `npm run size`).
 */
/** The deployment's time zone (days, weeks and months of every figure), written into index.html. */
const TIME_ZONE = process.env.PANTAU_TIME_ZONE || process.env.ANALYTICS_TIME_ZONE || 'Asia/Makassar';

export default defineConfig({
  base: '/',
  plugins: [
    {
      name: 'pantau-time-zone',
      transformIndexHtml: (html) => html.replace('%PANTAU_TIME_ZONE%', TIME_ZONE),
    },
  ],
  // The contract (@pantau/contract) is bundled from its TypeScript source: its dist is CommonJS, which
  // cannot be tree-shaken, so every page would carry all of it (the error catalogue, ~9 kB gzip, belongs
  // only to the form chunks). The package has no runtime dependencies and "sideEffects": false.
  resolve: { alias: { '@pantau/contract': fileURLToPath(new URL('../packages/contract/src/index.ts', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 4000, // the playground's monaco editor is big and lazy by design
    rolldownOptions: {
      // GraphiQL's dependencies carry React Server Components "use client" markers: meaningless in
      // a client-only bundle, so their warnings are dropped.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // GraphiQL's worker setup uses Vite's ?worker imports, which only work unbundled.
  optimizeDeps: {
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  preview: {
    port: 4173,
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
