// `npm start`: runs the built system (turbo has just built it) on the embedded store by default.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startStack } = require('./stack.cjs');

const ports = {};
for (const name of ['gateway', 'agencies', 'reports', 'analytics']) {
  const v = process.env[`${name.toUpperCase()}_PORT`];
  if (v) ports[name] = Number(v);
}

let stack;
let exiting = false;
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  console.error('\nPantau: stopping all services…');
  await stack?.stop();
  console.error('Pantau: stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  console.error(`Pantau: starting (${process.env.DATABASE_URL ? 'MySQL/MariaDB store' : 'embedded SQLite store under data/'}; the first start imports regions and demo data)…`);
  stack = await startStack({
    ports,
    onExit: (name, code) => {
      console.error(`Pantau: ${name} exited unexpectedly (code ${code}).`);
      void shutdown(1);
    },
  });
  console.log(
    [
      '',
      'Pantau is ready.',
      `  Dashboard:  ${stack.origin}/`,
      `  GraphQL:    ${stack.graphqlUrl}  (playground: ${stack.origin}/playground)`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
} catch (err) {
  console.error(`Pantau: failed to start: ${err.message}`);
  await shutdown(1);
}
