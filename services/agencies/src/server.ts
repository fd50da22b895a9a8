import type { DataSource } from 'typeorm';
import { createLogger, LimiterFactory, startSubgraphServer, type RunningServer, type StoreConfig } from '@pantau/common';
import { apiClientRoutes } from './auth/api-client-routes';
import { tokenStateRoutes } from './auth/token-state';
import { createContext } from './context';
import { SignInThrottle, signInLimitsFromEnv } from './domain/sign-in-throttle';
import { buildAgenciesSchema } from './schema';
import { openRegistryStore } from './storage/datasource';
import { importRegions } from './storage/import-regions';
import { seedDemoAccounts, seedRegistry } from './storage/seed-registry';

export interface AgenciesServerOptions {
  store: StoreConfig;
  port: number;
  /** Create the demo staff accounts (embedded demo only). */
  demoAccounts?: boolean;
  /** Sign-in throttle (default: from env — Redis when REDIS_URL is set, else memory); closed with the server. */
  signInThrottle?: SignInThrottle;
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
  const signInThrottle = opts.signInThrottle ?? new SignInThrottle(new LimiterFactory({ logger }), signInLimitsFromEnv(), logger);
  const server = await startSubgraphServer(
    {
      name: 'agencies',
      schema,
      logger,
      context: async (req) => ({ ...(await createContext(ds, req)), signInThrottle }),
      routes: (app) => {
        tokenStateRoutes(ds)(app);
        apiClientRoutes(ds)(app);
      },
      readiness: async () => {
        await ds.query('SELECT 1');
      },
      onClose: async () => {
        await signInThrottle.close();
        await ds.destroy();
      },
    },
    opts.port,
  );
  return { ...server, ds };
}
