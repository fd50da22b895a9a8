import type { DataSource } from 'typeorm';
import { createLogger, startSubgraphServer, type RunningServer, type StoreConfig } from '@pantau/common';
import { createContext } from './context';
import { buildAgenciesSchema } from './schema';
import { openRegistryStore } from './storage/datasource';
import { importRegions } from './storage/import-regions';
import { seedDemoAccounts, seedRegistry } from './storage/seed-registry';

export interface AgenciesServerOptions {
  store: StoreConfig;
  port: number;
  /** Create the demo staff accounts (embedded demo only). */
  demoAccounts?: boolean;
}

export interface AgenciesServer extends RunningServer {
  ds: DataSource;
}

/** Opens the store (importing regions and seeding the registry on first start) and serves the subgraph. */
export async function createServer(opts: AgenciesServerOptions): Promise<AgenciesServer> {
  const logger = createLogger('agencies');
  const ds = await openRegistryStore(opts.store);
  const started = Date.now();
  const regions = await importRegions(ds);
  const seeded = await seedRegistry(ds);
  const accounts = opts.demoAccounts ? await seedDemoAccounts(ds) : 0;
  if (regions || seeded.agencies || accounts) {
    logger.info({ regions, ...seeded, demoAccounts: accounts, ms: Date.now() - started }, 'registry loaded');
  }
  const schema = await buildAgenciesSchema();
  const server = await startSubgraphServer(
    {
      name: 'agencies',
      schema,
      logger,
      context: (req) => createContext(ds, req),
      readiness: async () => {
        await ds.query('SELECT 1');
      },
      onClose: () => ds.destroy(),
    },
    opts.port,
  );
  return { ...server, ds };
}
