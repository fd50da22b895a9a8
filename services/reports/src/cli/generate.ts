import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createLogger, storeConfig } from '@pantau/common';
import { insertHistories, storeDemoFiles } from '../demo/bulk';
import { generateHistories } from '../demo/generator';
import { syntheticWorld, worldFromRegistry } from '../demo/world';
import { LocalDiskStorage } from '../attachments/storage';
import { calendarFromEnv } from '../domain/sla';
import { HttpRegistryClient } from '../registry/client';
import { openReportsStore } from '../storage/datasource';

/**
 * Bulk demo/benchmark data: generates histories through the lifecycle state machine and inserts them
 * into the configured store (DATABASE_URL, else the embedded SQLite file).
 *
 *   node dist/cli/generate.js --count 1000000 --synthetic --agencies 300 [--seed s] [--batch 2000]
 *   node dist/cli/generate.js --count 5000              # world from the registry at AGENCIES_URL
 */
async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '3000' },
      seed: { type: 'string', default: 'pantau-bench' },
      synthetic: { type: 'boolean', default: false },
      agencies: { type: 'string', default: '300' },
      districts: { type: 'string', default: '20' },
      batch: { type: 'string', default: '2000' },
      days: { type: 'string', default: '540' },
    },
  });
  const logger = createLogger('reports-generate');
  const count = Number(values.count);
  const ds = await openReportsStore(storeConfig('reports'));
  try {
    const world = values.synthetic
      ? syntheticWorld({ seed: values.seed, agencies: Number(values.agencies), districts: Number(values.districts) })
      : await worldFromRegistry(new HttpRegistryClient());
    await storeDemoFiles(new LocalDiskStorage());
    const started = Date.now();
    const result = await insertHistories(
      ds,
      generateHistories({ world, count, seed: values.seed, days: Number(values.days), calendar: calendarFromEnv() }),
      {
        batch: Number(values.batch),
        onBatch: (done) => {
          if (done.reports % 50_000 < Number(values.batch)) logger.info({ ...done, s: Math.round((Date.now() - started) / 1000) }, 'progress');
        },
      },
    );
    logger.info({ ...result, seconds: Math.round((Date.now() - started) / 100) / 10 }, 'generated');
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  createLogger('reports-generate').fatal({ err }, 'generation failed');
  process.exit(1);
});
