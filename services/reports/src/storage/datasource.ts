import { openDataSource, type StoreConfig } from '@pantau/common';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { InitialReports1732860000000 } from './migrations/1732860000000-InitialReports';
import { ReportDetails1765000000000 } from './migrations/1765000000000-ReportDetails';
import { OutboxRetention1766000000000 } from './migrations/1766000000000-OutboxRetention';
import { ReportBursts1767000000000 } from './migrations/1767000000000-ReportBursts';

export const MIGRATIONS = [InitialReports1732860000000, ReportDetails1765000000000, OutboxRetention1766000000000, ReportBursts1767000000000];

/** Opens (creating and migrating) the reports store: MariaDB/MySQL or the embedded SQLite file. */
export function openReportsStore(store: StoreConfig, opts: { logging?: boolean } = {}): Promise<DataSource> {
  return openDataSource({ store, entities: ENTITIES, migrations: MIGRATIONS, logging: opts.logging });
}
