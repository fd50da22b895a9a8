// `npm start`: runs the built system (turbo has just built it) on the embedded store by default.
// Supervised: a service that crashes is restarted with backoff while the others keep serving; Ctrl-C
// (or SIGTERM) stops all of them, as process groups.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startStack } = require('./stack.cjs');

const ports = {};
for (const name of ['gateway', 'agencies', 'reports', 'analytics']) {
  const v = process.env[`${name.toUpperCase()}_PORT`];
  if (v) ports[name] = Number(v);
}

const say = (line) => console.error(`Pantau: ${line}`);

let stack;
let exiting = false;
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  say('stopping all services…');
  await stack?.stop();
  say('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// A launcher bug must not leave services running unsupervised: stop them, then exit.
process.on('uncaughtException', (err) => {
  console.error('Pantau: launcher error:', err);
  void shutdown(1);
});
process.on('unhandledRejection', (err) => {
  console.error('Pantau: launcher error:', err);
  void shutdown(1);
});

const indent = (text) => (text ? `\n${text.replace(/^/gm, '    ')}` : '');

try {
  say(`starting (${process.env.DATABASE_URL ? 'MySQL/MariaDB store' : 'embedded SQLite store under data/'}; the first start imports regions and demo data)…`);
  stack = await startStack({
    ports,
    supervise: true,
    onEvent: (e) => {
      if (exiting) return;
      if (e.type === 'restarting') {
        say(`${e.service} exited unexpectedly (${e.signal ? `signal ${e.signal}` : `code ${e.code}`}); restarting it in ${(e.delayMs / 1000).toFixed(1)} s. The other services keep running.${e.tail ? ` Last lines:${indent(e.tail)}` : ''}`);
      } else if (e.type === 'ready') {
        say(`${e.service} is back (restart #${e.restarts}).`);
      }
    },
  });
  console.log(
    [
      '',
      'Pantau is ready.',
      `  Dashboard:  ${stack.origin}/`,
      `  GraphQL:    ${stack.graphqlUrl}  (playground: ${stack.origin}/playground)`,
      `  Health:     ${stack.origin}/ready  (each service: /health and /ready on its own port)`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
} catch (err) {
  say(`failed to start. ${err.message}`);
  await shutdown(1);
}
