import type { DataSource } from 'typeorm';
import { checkDependencies, createLogger, httpHealthCheck, serviceUrl, startSubgraphServer, type Logger, type RunningServer, type StoreConfig } from '@pantau/common';
import { LocalDiskStorage, type AttachmentStorage } from './attachments/storage';
import { attachmentRoutes } from './attachments/routes';
import { startOrphanSweeper, sweepIntervalMs, type SweeperHandle } from './attachments/sweep';
import { startOutboxPruner, type PrunerHandle } from './service/outbox-retention';
import { createContext } from './context';
import { calendarFromEnv, type WorkingCalendar } from './domain/sla';
import { outboxRoutes } from './outbox/routes';
import { HttpRegistryClient, type RegistryClient } from './registry/client';
import { buildReportsSchema } from './schema';
import { ReportsService } from './service/reports-service';
import { openReportsStore } from './storage/datasource';

export interface ReportsServerOptions {
  store: StoreConfig;
  /** 0 picks a free port (tests). */
  port: number;
  /** The agencies registry; default: over HTTP at AGENCIES_URL. */
  registry?: RegistryClient;
  calendar?: WorkingCalendar;
  storage?: AttachmentStorage;
  /** Upload size limit (default ATTACHMENT_MAX_BYTES or 10 MB). */
  maxAttachmentBytes?: number;
  clock?: () => Date;
  logger?: Logger;
  /** How often unlinked uploads older than 24 h are deleted (default ATTACHMENT_SWEEP_INTERVAL_MS or hourly; 0: never). */
  orphanSweepIntervalMs?: number;
  /** How often acknowledged outbox events past their retention are deleted (default PANTAU_OUTBOX_PRUNE_INTERVAL_MS or hourly; 0: never). */
  outboxPruneIntervalMs?: number;
  /** Runs after the server listens (e.g. the demo seed); failures are logged, not fatal. */
  afterStart?: (server: ReportsServer) => Promise<void>;
}

export interface ReportsServer extends RunningServer {
  ds: DataSource;
  service: ReportsService;
  storage: AttachmentStorage;
  /** The periodic orphan-upload sweep (runNow for an immediate one). */
  sweeper: SweeperHandle;
  /** Outbox retention (service/outbox-retention.ts): runNow for an immediate prune. */
  pruner: PrunerHandle;
  /** Settles when afterStart has finished (tests wait on it). */
  ready: Promise<void>;
}

/** Opens (creating and migrating) the store and serves the reports subgraph plus its HTTP routes. */
export async function createServer(opts: ReportsServerOptions): Promise<ReportsServer> {
  const logger = opts.logger ?? createLogger('reports');
  const ds = await openReportsStore(opts.store);
  const service = new ReportsService({
    ds,
    registry: opts.registry ?? new HttpRegistryClient(),
    calendar: opts.calendar ?? calendarFromEnv(),
    clock: opts.clock,
  });
  const storage = opts.storage ?? new LocalDiskStorage();
  const schema = await buildReportsSchema();
  let sweeper: SweeperHandle | null = null;
  let pruner: PrunerHandle | null = null;
  const running = await startSubgraphServer(
    {
      name: 'reports',
      schema,
      logger,
      context: (req) => createContext(service, req),
      routes: (app) => {
        outboxRoutes(ds)(app);
        attachmentRoutes({ ds, storage, maxBytes: opts.maxAttachmentBytes })(app);
      },
      readiness: async () => {
        // names what is missing: the store, or the agencies registry that intake checks topics and regions against
        await checkDependencies({
          database: () => ds.query('SELECT 1'),
          ...(opts.registry ? {} : { registry: () => httpHealthCheck(serviceUrl('agencies')) }),
        });
      },
      onClose: async () => {
        await sweeper?.stop();
        await pruner?.stop();
        await ds.destroy();
      },
    },
    opts.port,
  );
  sweeper = startOrphanSweeper({
    ds,
    storage,
    intervalMs: opts.orphanSweepIntervalMs ?? sweepIntervalMs(),
    logger,
  });
  pruner = startOutboxPruner({ ds, logger, intervalMs: opts.outboxPruneIntervalMs });
  const server: ReportsServer = { ...running, ds, service, storage, sweeper, pruner, ready: Promise.resolve() };
  if (opts.afterStart) {
    server.ready = opts.afterStart(server).catch((err) => logger.error({ err }, 'after-start task failed'));
  }
  return server;
}
