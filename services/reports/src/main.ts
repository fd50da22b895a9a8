import 'reflect-metadata';
import { createLogger, envInt, envString, servicePort, stopOnSignals, storeConfig } from '@pantau/common';
import { seedDemo } from './demo/seed';
import { createServer } from './server';

async function main() {
  const logger = createLogger('reports');
  const store = storeConfig('reports');
  // the embedded demo starts with a few thousand generated histories (PANTAU_DEMO=1 forces it on MariaDB too)
  const demo = process.env.PANTAU_DEMO ? process.env.PANTAU_DEMO === '1' : store.kind === 'sqlite';
  const count = demo ? envInt('PANTAU_DEMO_REPORTS', 3000) : 0;
  const server = await createServer({
    store,
    port: servicePort('reports'),
    logger,
    afterStart: count
      ? async (s) => {
          await seedDemo(
            { ds: s.ds, registry: s.service.registry, storage: s.storage, calendar: s.service.calendar, logger },
            { count, seed: envString('PANTAU_DEMO_SEED', 'pantau-kukar'), now: demoAnchor() },
          );
        }
      : undefined,
  });
  stopOnSignals(server, logger);
}

/** PANTAU_DEMO_NOW (ISO-8601): the instant the demo histories end (default: now); fixed data for the gateway audit. */
function demoAnchor(): Date | undefined {
  const raw = process.env.PANTAU_DEMO_NOW;
  if (!raw) return undefined;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw new Error(`PANTAU_DEMO_NOW is not an ISO-8601 instant: ${JSON.stringify(raw)}`);
  return at;
}

main().catch((err) => {
  createLogger('reports').fatal({ err }, 'failed to start');
  process.exit(1);
});
