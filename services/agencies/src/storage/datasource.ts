import type { DataSource } from 'typeorm';
import { openDataSource, type StoreConfig } from '@pantau/common';
import { Agency } from '../entities/agency.entity';
import { ApiClient } from '../entities/api-client.entity';
import { Duty } from '../entities/duty.entity';
import { Region } from '../entities/region.entity';
import { Road, RoadRegion } from '../entities/road.entity';
import { StaffAccount } from '../entities/staff-account.entity';
import { Topic } from '../entities/topic.entity';
import { Registry1764400000000 } from './migrations/1764400000000-Registry';
import { StaffTokenVersion1764500000000 } from './migrations/1764500000000-StaffTokenVersion';
import { RegistryListIndexes1764600000000 } from './migrations/1764600000000-RegistryListIndexes';
import { ApiClients1764700000000 } from './migrations/1764700000000-ApiClients';

export const ENTITIES = [Region, Agency, Topic, Duty, Road, RoadRegion, StaffAccount, ApiClient];
export const MIGRATIONS = [Registry1764400000000, StaffTokenVersion1764500000000, RegistryListIndexes1764600000000, ApiClients1764700000000];

/** Opens the registry's own store (created and migrated if needed). */
export function openRegistryStore(store: StoreConfig): Promise<DataSource> {
  return openDataSource({ store, entities: ENTITIES, migrations: MIGRATIONS });
}
