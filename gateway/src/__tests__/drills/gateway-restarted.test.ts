import path from 'node:path';
import { burst, checkAcknowledged, killService, sqliteReader, startDrillStack } from './drill-kit';

/**
 * Drill 4: the gateway is SIGKILLed while clients read and submit, and the launcher restarts it. Every
 * answer a client gets is either right or a refusal (connection refused/reset, 503) — never a wrong
 * answer — and submissions retried with their keys are all stored exactly once.
 */
describe('drill: gateway restarted under traffic', () => {
  let drill: Awaited<ReturnType<typeof startDrillStack>>;
  beforeAll(async () => {
    drill = await startDrillStack();
  }, 120000);
  afterAll(async () => {
    await drill?.cleanup();
  });

  it('gives clients a refusal or the right answer, never a wrong one', async () => {
    const { stack } = drill;
    const prefix = `drill-d-${Date.now()}`;
    const seeded = await burst(stack.graphqlUrl, { count: 8, prefix: `${prefix}-seed` });
    expect(seeded.acks).toHaveLength(8);

    const outcomes = { right: 0, refused: 0, rightAfterRestart: 0 };
    const wrong: string[] = [];
    let restarted = false;
    let stopReading = false;
    const reader = async (w: number) => {
      for (let i = 0; !stopReading; i++) {
        const ack = seeded.acks[(i + w) % seeded.acks.length];
        let status = 0;
        let body: any;
        try {
          const res = await fetch(stack.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'query($t: String!) { reportByTrackingId(trackingId: $t) { id trackingId } }', variables: { t: ack.trackingId } }),
            signal: AbortSignal.timeout(10000),
          });
          status = res.status;
          body = await res.json().catch(() => null);
        } catch {
          outcomes.refused++; // refused, reset or cut off: the client knows it got no answer
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const got = body?.data?.reportByTrackingId;
        if (status === 200 && got?.trackingId === ack.trackingId && got?.id === ack.id && !body.errors) {
          outcomes.right++;
          if (restarted) outcomes.rightAfterRestart++;
        } else if (status === 503 || status === 502) {
          outcomes.refused++;
        } else {
          wrong.push(`${status} ${JSON.stringify(body).slice(0, 300)}`);
        }
      }
    };
    const readers = Promise.all([0, 1, 2].map(reader));
    const killedPid = stack.children.gateway.pid;
    const submitted = await burst(stack.graphqlUrl, {
      count: 30,
      concurrency: 3,
      prefix,
      triggerAt: 8,
      deadlineMs: 60000,
      during: async () => {
        killService(killedPid);
        await stack.waitReady('gateway', 60000);
        restarted = true;
      },
    });
    await submitted.fault;
    // keep reading a moment against the restarted gateway
    const until = Date.now() + 1500;
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    stopReading = true;
    await readers;

    expect(wrong).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(0); // the outage was real
    expect(outcomes.rightAfterRestart).toBeGreaterThan(0); // and it ended
    expect(stack.restarts().gateway).toBeGreaterThanOrEqual(1);
    expect(submitted.unacknowledged).toEqual([]);
    const store = sqliteReader(path.join(drill.dataDir, 'reports.sqlite'));
    try {
      expect(await checkAcknowledged(store, [...seeded.acks, ...submitted.acks])).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120000);
});
