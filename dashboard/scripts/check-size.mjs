#!/usr/bin/env node
// Initial-JS budget check: sums the gzip size of every script the built index.html loads up front
// (its module entry and modulepreloads) and fails when it exceeds the budget in README.md.
// Also prints the lazy chunks that matter (charts, playground) so regressions are visible.
// Usage: node scripts/check-size.mjs [distDir]   (after `vite build`)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_GZIP = 110 * 1024; // bytes; keep in sync with README.md

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]);

const gz = (file) => gzipSync(readFileSync(join(dist, file.replace(/^\//, '')))).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

let total = 0;
console.log('Initial JavaScript (gzip):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${kb(size)}`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(total)}  (budget ${kb(INITIAL_JS_BUDGET_GZIP)})`);

// The overview (the landing page) adds its page chunk and the chunks it imports statically.
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const seen = new Set(initial.map((f) => f.replace(/^\//, '')));
const walk = (key) => {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return 0;
  seen.add(entry.file);
  return gz(entry.file) + (entry.imports ?? []).reduce((n, k) => n + walk(k), 0);
};
const overviewExtra = walk('src/pages/OverviewPage.tsx');
console.log(`  ${'+ overview page chunks (first view, charts excluded)'.padEnd(48)} ${kb(overviewExtra)}  -> ${kb(total + overviewExtra)}`);

const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = assets.filter((f) => /^(charts|GraphiQLPlayground|monaco-editor)-/.test(f));
console.log('Lazy chunks (gzip), loaded on demand:');
for (const f of lazy) console.log(`  ${f.padEnd(48)} ${kb(gz(`assets/${f}`))}`);

if (total > INITIAL_JS_BUDGET_GZIP) {
  console.error(`Initial JS ${kb(total)} exceeds the budget of ${kb(INITIAL_JS_BUDGET_GZIP)}.`);
  process.exit(1);
}
