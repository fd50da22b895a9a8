import { checkDependencies, createLogger, startSubgraphServer, type RunningServer, type StoreConfig } from '@pantau/common';
import { createContext } from './context';
import { OutboxConsumer, type ConsumerOptions } from './consumer/consumer';
import type { OutboxSource } from './consumer/source';
import { smallCellK } from './domain/disclosure';
import { reportingTimeZone } from './domain/time';
import { buildAnalyticsSchema } from './schema';
import { AnalyticsService } from './service/analytics-service';
import { AnalyticsStore } from './storage/store';

export interface AnalyticsServerOptions {
  store: StoreConfig;
  port: number;
  /** Where report events come from; omit to serve what is stored without consuming. */
  outbox?: OutboxSource;
  consumer?: Pick<ConsumerOptions, 'pageSize' | 'pollMs' | 'maxBackoffMs' | 'gapWaitMs'>;
  /** Reporting time zone for day boundaries (default ANALYTICS_TIME_ZONE or Asia/Makassar). */
  timeZone?: string;
  /** The instant "overdue" is measured against (tests); default Date.now. */
  clock?: () => number;
  /** Small-cell threshold for signed-out viewers (default PANTAU_SMALL_CELL_K or 5; 1 turns protection off). */
  smallCellK?: number;
}

export interface AnalyticsServer extends RunningServer {
  store: AnalyticsStore;
  service: AnalyticsService;
  consumer: OutboxConsumer | null;
}

function metricsText(consumer: OutboxConsumer | null): string {
  const s = consumer?.status();
  const lines: string[] = [];
  const metric = (name: string, help: string, type: 'gauge' | 'counter', value: number | null | undefined) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value ?? 'NaN'}`);
  };
  metric('pantau_analytics_outbox_cursor', 'Last outbox seq applied to the analytics store.', 'gauge', s?.cursor);
  metric('pantau_analytics_outbox_head_seq', 'Last outbox seq at the last pull.', 'gauge', s?.headSeq);
  metric('pantau_analytics_outbox_lag_events', 'Outbox events not yet applied (head - cursor).', 'gauge', s?.lag);
  metric('pantau_analytics_outbox_seconds_since_last_pull', 'Seconds since the last successful outbox pull.', 'gauge', s?.secondsSinceLastPull);
  metric('pantau_analytics_events_applied_total', 'Outbox events applied by this process.', 'counter', s?.eventsApplied ?? 0);
  metric('pantau_analytics_outbox_errors_total', 'Failed outbox pulls by this process.', 'counter', s?.errors ?? 0);
  metric('pantau_analytics_outbox_gaps_skipped_total', 'Holes in the outbox seq skipped.', 'counter', s?.gapsSkipped ?? 0);
  return lines.join('\n') + '\n';
}

/** Opens (and migrates) the store, starts the outbox consumer and serves the subgraph. */
export async function createServer(opts: AnalyticsServerOptions): Promise<AnalyticsServer> {
  const logger = createLogger('analytics');
  const store = await AnalyticsStore.open(opts.store, { timeZone: opts.timeZone ?? reportingTimeZone() });
  const service = new AnalyticsService(store, opts.clock, opts.smallCellK ?? smallCellK());
  const consumer = opts.outbox ? new OutboxConsumer({ store, source: opts.outbox, logger, ...opts.consumer }) : null;
  const schema = await buildAnalyticsSchema();
  const server = await startSubgraphServer(
    {
      name: 'analytics',
      schema,
      logger,
      context: (req) => createContext(service, req),
      routes: (app) => {
        app.get('/metrics', (_req, res) => {
          res.type('text/plain; version=0.0.4').send(metricsText(consumer));
        });
      },
      readiness: async () => {
        const s = consumer?.status();
        // names what is missing: the store, or the reports outbox when the last pull failed
        await checkDependencies({
          database: () => store.ds.query('SELECT 1'),
          ...(s?.lastError ? { outbox: async () => Promise.reject(new Error(s.lastError ?? 'outbox pull failed')) } : {}),
        });
        return {
          store: store.kind,
          timeZone: store.cal.timeZone,
          outbox: s
            ? { source: s.source, cursor: s.cursor, headSeq: s.headSeq, lag: s.lag, secondsSinceLastPull: s.secondsSinceLastPull, lastError: s.lastError }
            : { cursor: await store.cursor(), consuming: false },
        };
      },
      onClose: async () => {
        await consumer?.stop();
        await store.close();
      },
    },
    opts.port,
  );
  consumer?.start();
  return { ...server, store, service, consumer };
}
