import 'reflect-metadata';
import { createLogger, envInt, storeConfig } from '@pantau/common';
import { OutboxConsumer } from '../consumer/consumer';
import { HttpOutboxSource, reportsInternalUrl } from '../consumer/source';
import { reportingTimeZone } from '../domain/time';
import { AnalyticsStore } from '../storage/store';

/**
 * `npm run rebuild -w @pantau/analytics`: wipes facts, rollups and cursor in one transaction, then
 * replays the reports outbox from seq 0 until caught up. Stop the analytics service first (or let it
 * run: it would only re-apply events idempotently).
 */
async function main() {
  const logger = createLogger('analytics');
  const store = await AnalyticsStore.open(storeConfig('analytics'), { timeZone: reportingTimeZone() });
  const started = Date.now();
  try {
    await store.wipe();
    logger.info('analytics store wiped; replaying the outbox from seq 0');
    const consumer = new OutboxConsumer({
      store,
      source: new HttpOutboxSource(reportsInternalUrl()),
      logger,
      pageSize: envInt('ANALYTICS_PAGE_SIZE', 2000),
    });
    const applied = await consumer.drain();
    logger.info({ applied, cursor: consumer.status().cursor, ms: Date.now() - started }, 'rebuild complete');
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  createLogger('analytics').fatal({ err }, 'rebuild failed');
  process.exit(1);
});
