import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * Brotli (quality 11) and gzip (level 9) copies of every script, style sheet and SVG the build emits,
 * written beside each file (`x.js.br`, `x.js.gz`): the gateway sends them as they are to clients that
 * accept them (gateway/src/static-assets.ts), so the largest encodings cost no CPU per request and are
 * smaller than what on-the-fly compression at a request-time level gives. Copies that would not be
 * smaller than the file are not written.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = 'dist';
  return {
    name: 'pantau-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|svg)$/.test(f) && !f.startsWith('.vite/'));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const raw = await readFile(path);
          if (raw.length < 1024) return;
          const [b, g] = await Promise.all([
            br(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          if (b.length < raw.length) await writeFile(`${path}.br`, b);
          if (g.length < raw.length) await writeFile(`${path}.gz`, g);
        }),
      );
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [
    {
      name: 'pantau-time-zone',
      transformIndexHtml: (html) => html.replace('%PANTAU_TIME_ZONE%', TIME_ZONE),
    },
    precompress(),
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
