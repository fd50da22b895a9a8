import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * CI check for the dashboard's typed operations (issue 13): every document (the .graphql files under dashboard/src:
 * the operations and the fragments beside their components) is valid against the checked-in supergraph
 * (codegen refuses an invalid one), and dashboard/src/graphql/generated/ is what codegen makes from them now (not stale:
 * `graphql-codegen --check` writes nothing and exits 1 when an output would change).
 * Fix a failure with `npm run codegen -w @pantau/dashboard`.
 */
const DASHBOARD = path.resolve(__dirname, '../../../dashboard');
const CLI = path.resolve(__dirname, '../../../node_modules/@graphql-codegen/cli/cjs/bin.js');

test('dashboard operations are valid against the supergraph and the generated documents are up to date', () => {
  const run = spawnSync(process.execPath, [CLI, '--config', 'codegen.ts', '--check'], { cwd: DASHBOARD, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    throw new Error(`graphql-codegen --check failed (run \`npm run codegen -w @pantau/dashboard\`):\n${run.stdout}\n${run.stderr}`);
  }
}, 150_000);
