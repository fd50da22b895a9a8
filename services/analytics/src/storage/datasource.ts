import type { DataSource } from 'typeorm';
import { openDataSource, type StoreConfig } from '@pantau/common';
import { Analytics1764500000000 } from './migrations/1764500000000-Analytics';
import { AgencyAllTime1766100000000 } from './migrations/1766100000000-AgencyAllTime';

export const MIGRATIONS = [Analytics1764500000000, AgencyAllTime1766100000000];

/** Opens analytics' own store (created and migrated if needed). All access is raw SQL: no entities. */
export function openAnalyticsStore(store: StoreConfig): Promise<DataSource> {
  return openDataSource({ store, entities: [], migrations: MIGRATIONS });
}
