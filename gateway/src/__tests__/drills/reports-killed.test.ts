import path from 'node:path';
import { analyticsVolume, burst, checkAcknowledged, killService, sqliteReader, startDrillStack } from './drill-kit';

/**
 * Drill 2: reports (the intake) is SIGKILLed in the middle of a burst and the launcher restarts it.
 * Clients keep retrying with their idempotency keys; afterwards every acknowledged report is stored
 * exactly once, with its timeline and exactly one set of outbox events, and analytics counts each once.
 */
describe('drill: reports killed mid-burst', () => {
  let drill: Awaited<ReturnType<typeof startDrillStack>>;
  beforeAll(async () => {
    drill = await startDrillStack();
  }, 120000);
  afterAll(async () => {
    await drill?.cleanup();
  });

  it('ends with every acknowledged report stored exactly once after clients retry with their keys', async () => {
    const { stack } = drill;
    const killedPid = stack.children.reports.pid;
    const result = await burst(stack.graphqlUrl, {
      count: 40,
      concurrency: 6,
      prefix: `drill-b-${Date.now()}`,
      triggerAt: 10,
      deadlineMs: 60000,
      during: async () => killService(killedPid),
    });
    await result.fault;
    expect(result.unacknowledged).toEqual([]);
    expect(result.acks).toHaveLength(40);
    // the kill was felt: some attempts were refused and retried with the same key
    expect(result.failures.length).toBeGreaterThan(0);
    expect(stack.restarts().reports).toBeGreaterThanOrEqual(1);

    const reader = sqliteReader(path.join(drill.dataDir, 'reports.sqlite'));
    try {
      expect(await checkAcknowledged(reader, result.acks)).toEqual([]);
    } finally {
      await reader.close();
    }
    expect(await analyticsVolume(stack.graphqlUrl, 40)).toBe(40);
  }, 120000);
});
