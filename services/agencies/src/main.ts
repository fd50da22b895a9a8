import 'reflect-metadata';
import { createLogger, requireKeys, servicePort, stopOnSignals, storeConfig } from '@pantau/common';
import { createServer } from './server';

async function main() {
  requireKeys(); // refuse to start without signing keys, before touching the store
  const store = storeConfig('agencies');
  const demo = process.env.PANTAU_DEMO ? process.env.PANTAU_DEMO === '1' : store.kind === 'sqlite';
  const server = await createServer({ store, port: servicePort('agencies'), demoAccounts: demo });
  stopOnSignals(server, createLogger('agencies'));
}

main().catch((err) => {
  createLogger('agencies').fatal({ err }, 'failed to start');
  process.exit(1);
});
