import path from 'node:path';
import { analyticsVolume, burst, checkAcknowledged, killService, sqliteReader, startDrillStack } from './drill-kit';

/**
 * Drill 1: analytics is SIGKILLed in the middle of a burst of submissions and the launcher restarts it.
 * Intake never fails (it does not depend on analytics), analytics catches up from the outbox, and its
 * total equals the number of acknowledged reports (nothing lost, nothing counted twice).
 */
describe('drill: analytics killed mid-burst', () => {
  let drill: Awaited<ReturnType<typeof startDrillStack>>;
  beforeAll(async () => {
    drill = await startDrillStack();
  }, 120000);
  afterAll(async () => {
    await drill?.cleanup();
  });

  it('keeps intake up, restarts analytics, and analytics counts every report exactly once', async () => {
    const { stack } = drill;
    const killedPid = stack.children.analytics.pid;
    const result = await burst(stack.graphqlUrl, {
      count: 40,
      concurrency: 4,
      prefix: `drill-a-${Date.now()}`,
      triggerAt: 12,
      during: async () => killService(killedPid),
    });
    await result.fault;
    expect(result.failures).toEqual([]); // intake never failed, not once
    expect(result.unacknowledged).toEqual([]);
    expect(result.acks).toHaveLength(40);

    await stack.waitReady('analytics', 30000);
    expect(stack.children.analytics.pid).not.toBe(killedPid);
    expect(stack.restarts().analytics).toBeGreaterThanOrEqual(1);

    const reader = sqliteReader(path.join(drill.dataDir, 'reports.sqlite'));
    try {
      expect(await checkAcknowledged(reader, result.acks)).toEqual([]);
    } finally {
      await reader.close();
    }
    expect(await analyticsVolume(stack.graphqlUrl, 40)).toBe(40);
    // and it stays there: a replayed page would push it past 40
    await new Promise((r) => setTimeout(r, 1500));
    expect(await analyticsVolume(stack.graphqlUrl, 40, 1000)).toBe(40);
  }, 120000);
});
