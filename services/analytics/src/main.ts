import 'reflect-metadata';
import { createLogger, envInt, servicePort, stopOnSignals, storeConfig } from '@pantau/common';
import { HttpOutboxSource, reportsInternalUrl } from './consumer/source';
import { createServer } from './server';

async function main() {
  const server = await createServer({
    store: storeConfig('analytics'),
    port: servicePort('analytics'),
    outbox: new HttpOutboxSource(reportsInternalUrl()),
    consumer: {
      pollMs: envInt('ANALYTICS_POLL_MS', 300),
      pageSize: envInt('ANALYTICS_PAGE_SIZE', 500),
      gapWaitMs: envInt('ANALYTICS_GAP_WAIT_MS', 3000),
    },
  });
  stopOnSignals(server, createLogger('analytics'));
}

main().catch((err) => {
  createLogger('analytics').fatal({ err }, 'failed to start');
  process.exit(1);
});
