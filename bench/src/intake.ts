import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchEnvironment, caughtUp, intakeSubmitter, startBenchStack } from './stack';

/**
 * Focused intake measurement (issue 11): `node bench/dist/intake.js [--store mysql] [--seconds 10] [--concurrency 10]`.
 * The bench stack in one process, submitReport through the real gateway at N connections; prints the SQL
 * statements one submission costs per store, reports/s, p50/p99, the analytics lag after the last one,
 * and this process's CPU time per accepted report (the figure that does not depend on the machine's load).
 */
const { values: args } = parseArgs({
  options: { store: { type: 'string', default: 'mysql' }, seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '10' } },
});

async function main() {
  benchEnvironment();
  const kind = args.store === 'sqlite' ? 'sqlite' : 'mysql';
  const seconds = Number(args.seconds);
  const conc = Number(args.concurrency);
  const stack = await startBenchStack({ kind, reports: 200, seed: 'intake' });
  try {
    const submit = intakeSubmitter(stack.gateway.url);
    for (let k = 0; k < 20; k++) await submit(); // warm: plans, routing answers, pools
    await caughtUp(stack.analytics, 60_000);
    await stack.analytics.consumer?.stop();
    for (const c of Object.values(stack.counters)) c.take();
    await submit();
    const per = Object.fromEntries(Object.entries(stack.counters).map(([k, c]) => [k, c.take().length]));
    stack.analytics.consumer?.start();
    const lat: number[] = [];
    const cpu0 = process.cpuUsage();
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          await submit();
          lat.push(performance.now() - t);
        }
      }),
    );
    const lagMs = await caughtUp(stack.analytics, 120_000);
    const cpu = process.cpuUsage(cpu0);
    const done = lat.length; // a failed submission throws and ends the run
    lat.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        store: kind,
        connections: conc,
        seconds,
        statementsPerSubmission: per,
        reportsPerSecond: +(done / seconds).toFixed(1),
        p50Ms: +lat[Math.floor(lat.length / 2)].toFixed(1),
        p99Ms: +lat[Math.floor(lat.length * 0.99)].toFixed(1),
        analyticsLagMs: lagMs,
        cpuMsPerReport: +((cpu.user + cpu.system) / 1000 / done).toFixed(2),
        loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
      }),
    );
  } finally {
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
