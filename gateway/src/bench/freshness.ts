import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { postGraphQL } from '@pantau/testing';

/**
 * Freshness: how long after a report transition answers through the gateway does analyticsOverview
 * show it? Starts the whole stack (scripts/stack.cjs, embedded store, no demo reports), then for each
 * of N rounds submits a report and polls analyticsOverview every 20 ms until the volume moves.
 *   npm run bench:freshness            (BENCH_ROUNDS, default 20)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require(path.resolve(__dirname, '../../../scripts/stack.cjs'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-fresh-'));
  const ports = { gateway: await freePort(), agencies: await freePort(), reports: await freePort(), analytics: await freePort() };
  // The benchmark submits BENCH_ROUNDS reports from one address: lift the intake limit (10 per 10 minutes).
  const stack = await startStack({ ports, env: { PANTAU_DATA_DIR: dir, DATABASE_URL: '', PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn', PANTAU_RATE_LIMIT_SUBMIT_REPORT: '100000/60' } });
  const volume = async () => (await postGraphQL(stack.graphqlUrl, '{ analyticsOverview { volume } }')).data.analyticsOverview.volume as number;
  const lags: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const before = await volume();
      const res = await postGraphQL(stack.graphqlUrl, 'mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id } } }', {
        i: {
          title: `Lampu jalan padam ${i}`,
          body: 'Lampu penerangan jalan di depan balai desa padam sejak seminggu yang lalu.',
          topic: 'LISTRIK',
          regionCode: '64.02.18.2001',
        },
      });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const answered = performance.now();
      while ((await volume()) === before) await new Promise((r) => setTimeout(r, 20));
      lags.push(performance.now() - answered);
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  lags.sort((a, b) => a - b);
  const at = (p: number) => lags[Math.max(0, Math.ceil((p / 100) * lags.length) - 1)];
  console.log(`freshness over ${rounds} submissions (ms from mutation answer to analyticsOverview): p50 ${at(50).toFixed(0)}, p90 ${at(90).toFixed(0)}, max ${lags[lags.length - 1].toFixed(0)}`);
}

void main();
