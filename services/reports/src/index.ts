import 'reflect-metadata';

export { createServer, type ReportsServer, type ReportsServerOptions } from './server';
export { buildReportsSchema } from './schema';
export { openReportsStore, MIGRATIONS } from './storage/datasource';
export { ENTITIES } from './entities';
export { ReportsService, type SubmitData } from './service/reports-service';
export { HttpRegistryClient, type RegistryClient, type Jurisdiction } from './registry/client';
export { LocalDiskStorage, type AttachmentStorage } from './attachments/storage';
export {
  sweepOrphanAttachments,
  startOrphanSweeper,
  ORPHAN_MAX_AGE_MS,
  DEFAULT_SWEEP_INTERVAL_MS,
  type SweepOptions,
  type SweepResult,
  type SweeperHandle,
} from './attachments/sweep';
export * from './domain/tracking-id';
export * from './domain/lifecycle';
export * from './domain/sla';
export * from './domain/privacy';
export { generateHistories, type DemoHistory, type GenerateOptions } from './demo/generator';
export { syntheticWorld, worldFromRegistry, type DemoWorld } from './demo/world';
export { insertHistories } from './demo/bulk';
export { seedDemo } from './demo/seed';
export { snapshotOf } from './service/mapping';
