import type { Logger } from '@pantau/common';
import type { DataSource } from 'typeorm';
import type { AttachmentStorage } from '../attachments/storage';
import { ReportEntity } from '../entities';
import type { WorkingCalendar } from '../domain/sla';
import type { RegistryClient } from '../registry/client';
import { insertHistories, storeDemoFiles } from './bulk';
import { generateHistories } from './generator';
import { worldFromRegistry, type DemoWorld } from './world';

export interface SeedOptions {
  count: number;
  seed?: string;
  now?: Date;
  /** How long to wait for the registry to answer (the services start together). */
  waitMs?: number;
}

async function waitForWorld(registry: RegistryClient, waitMs: number, logger?: Logger): Promise<DemoWorld> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await worldFromRegistry(registry);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      if (attempt === 1) logger?.info({ reason: (err as Error).message }, 'demo seed waiting for the agencies registry');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/**
 * Seeds the embedded store with demo histories on first start (only when it holds no reports). The
 * world (districts, villages, topics, routing) comes from the live registry so every id resolves.
 */
export async function seedDemo(
  deps: { ds: DataSource; registry: RegistryClient; storage: AttachmentStorage; calendar: WorkingCalendar; logger?: Logger },
  opts: SeedOptions,
): Promise<number> {
  if (opts.count <= 0) return 0;
  if ((await deps.ds.getRepository(ReportEntity).count()) > 0) return 0;
  const started = Date.now();
  const world = await waitForWorld(deps.registry, opts.waitMs ?? 120_000, deps.logger);
  await storeDemoFiles(deps.storage);
  // re-check: another start may have seeded meanwhile
  if ((await deps.ds.getRepository(ReportEntity).count()) > 0) return 0;
  const result = await insertHistories(
    deps.ds,
    generateHistories({ world, count: opts.count, seed: opts.seed, now: opts.now, calendar: deps.calendar }),
  );
  deps.logger?.info({ ...result, places: world.places.length, ms: Date.now() - started }, 'demo histories seeded');
  return result.reports;
}
