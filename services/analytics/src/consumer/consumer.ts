import type { Logger, OutboxEvent } from '@pantau/common';
import type { AnalyticsStore } from '../storage/store';
import type { OutboxSource } from './source';

export interface ConsumerOptions {
  store: AnalyticsStore;
  source: OutboxSource;
  logger: Logger;
  /** Events per pull (the outbox serves at most 5000). */
  pageSize?: number;
  /** Pause between pulls once caught up (fresh within 2 s needs well under that). */
  pollMs?: number;
  /** Longest pause after repeated failures. */
  maxBackoffMs?: number;
  /**
   * How long a hole in the seq sequence may stay open before it is skipped. A hole appears when a
   * transaction that took seq N commits after one that took N+1 (auto-increment on MariaDB); waiting
   * lets N arrive. A hole followed by events older than this is a rolled-back transaction: skipped at once.
   */
  gapWaitMs?: number;
  /**
   * A consumer at seq 0 with at least this many events ahead replays them into the fact table only and
   * recomputes rollups, histograms and pending rows once when caught up (AnalyticsStore.applyFactsOnly /
   * finishReplay): a rebuild from zero in large batches instead of millions of rollup increments.
   * Default ANALYTICS_REPLAY_BULK_FROM or 20,000; 0 turns it off.
   */
  bulkReplayFrom?: number;
  /**
   * How often analytics_pending rows whose deadlines have all passed are deleted (default
   * ANALYTICS_PENDING_PRUNE_MS or 60 s; 0 never).
   * "Passed" is by this consumer's clock (`now`), never the database's: readers asked about an instant
   * before the pruned horizon read the fact table, so figures stay exact (writer.prunePending).
   */
  pendingPruneEveryMs?: number;
  now?: () => number;
}

export interface ConsumerStatus {
  running: boolean;
  cursor: number;
  headSeq: number | null;
  lag: number | null;
  lastPullAt: string | null;
  secondsSinceLastPull: number | null;
  eventsApplied: number;
  errors: number;
  gapsSkipped: number;
  lastError: string | null;
  source: string;
  /** A replay from zero is filling the fact table; rollups are recomputed when it has caught up. */
  replaying: boolean;
  /** Expired pending rows deleted by this process. */
  pendingPruned: number;
}

/**
 * Pulls the reports outbox in seq order and applies each page in one transaction with the cursor
 * (AnalyticsStore.applyBatch). Stopping or crashing at any point is safe: the cursor only moves with
 * the facts it covers, and applying an event twice changes nothing.
 */
export class OutboxConsumer {
  private readonly pageSize: number;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly gapWaitMs: number;
  private readonly now: () => number;
  private cursor = 0;
  private headSeq: number | null = null;
  private lastPullMs: number | null = null;
  private eventsApplied = 0;
  private errors = 0;
  private gapsSkipped = 0;
  private lastError: string | null = null;
  private gap: { seq: number; since: number } | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private readonly bulkReplayFrom: number;
  /** Rollups behind the facts (a replay from zero in progress); null until read from the store. */
  private replaying: boolean | null = null;
  private readonly pendingPruneEveryMs: number;
  private lastPendingPrune: number | null = null;
  private pendingPruned = 0;

  constructor(private readonly opts: ConsumerOptions) {
    this.pageSize = opts.pageSize ?? 500;
    this.pollMs = opts.pollMs ?? 300;
    this.maxBackoffMs = opts.maxBackoffMs ?? 10_000;
    this.gapWaitMs = opts.gapWaitMs ?? 3_000;
    this.now = opts.now ?? Date.now;
    const pruneEnv = Number(process.env.ANALYTICS_PENDING_PRUNE_MS);
    this.pendingPruneEveryMs = opts.pendingPruneEveryMs ?? (process.env.ANALYTICS_PENDING_PRUNE_MS && Number.isFinite(pruneEnv) && pruneEnv >= 0 ? pruneEnv : 60_000);
    const env = Number(process.env.ANALYTICS_REPLAY_BULK_FROM);
    this.bulkReplayFrom = opts.bulkReplayFrom ?? (process.env.ANALYTICS_REPLAY_BULK_FROM && Number.isFinite(env) && env >= 0 ? env : 20_000);
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  status(): ConsumerStatus {
    const since = this.lastPullMs === null ? null : (this.now() - this.lastPullMs) / 1000;
    return {
      running: this.loop !== null && !this.stopping,
      cursor: this.cursor,
      headSeq: this.headSeq,
      lag: this.headSeq === null ? null : Math.max(0, this.headSeq - this.cursor),
      lastPullAt: this.lastPullMs === null ? null : new Date(this.lastPullMs).toISOString(),
      secondsSinceLastPull: since,
      eventsApplied: this.eventsApplied,
      errors: this.errors,
      gapsSkipped: this.gapsSkipped,
      lastError: this.lastError,
      source: this.opts.source.describe(),
      replaying: this.replaying === true,
      pendingPruned: this.pendingPruned,
    };
  }

  /**
   * One pull and apply. Returns whether the caller should pull again at once (a full page, or events
   * held back only by a hole still being waited for).
   */
  async pullOnce(): Promise<{ applied: number; more: boolean; waitingForGap: boolean }> {
    this.cursor = await this.opts.store.cursor();
    const page = await this.opts.source.fetchPage(this.cursor, this.pageSize);
    this.lastPullMs = this.now();
    this.headSeq = page.headSeq;
    this.lastError = null;
    const { events, waitingForGap } = this.contiguous(page.events);
    const full = page.events.length >= this.pageSize && !waitingForGap;
    this.replaying ??= await this.opts.store.rollupsStale();
    if (!this.replaying && this.bulkReplayFrom > 0 && this.cursor === 0 && page.headSeq >= this.bulkReplayFrom && events.length) {
      this.replaying = true;
      this.opts.logger.info({ headSeq: page.headSeq }, 'replay from zero: facts first, rollups once caught up');
    }
    if (this.replaying) {
      let cursor = this.cursor;
      if (events.length) {
        const res = await this.opts.store.applyFactsOnly(events);
        cursor = res.cursor;
        this.eventsApplied += events.length - res.skipped;
      }
      if (!full && !waitingForGap) {
        // caught up: the rollups are recomputed before the cursor is reported (lag 0 means queryable)
        const started = this.now();
        await this.opts.store.finishReplay();
        this.replaying = false;
        this.opts.logger.info({ cursor, rebuildMs: this.now() - started }, 'replay from zero caught up; rollups recomputed');
      }
      this.cursor = cursor;
      return { applied: events.length, more: full, waitingForGap };
    }
    if (events.length) {
      const res = await this.opts.store.applyBatch(events);
      this.cursor = res.cursor;
      this.eventsApplied += events.length - res.skipped;
    }
    return { applied: events.length, more: full, waitingForGap };
  }

  /**
   * Deletes pending rows whose deadlines all passed by this consumer's clock, at most once per
   * pendingPruneEveryMs (not during a replay from zero: its finish recomputes the table). Returns the rows deleted.
   */
  async prunePendingIfDue(): Promise<number> {
    if (this.pendingPruneEveryMs <= 0 || this.replaying) return 0;
    const now = this.now();
    if (this.lastPendingPrune !== null && now - this.lastPendingPrune < this.pendingPruneEveryMs) return 0;
    this.lastPendingPrune = now;
    const { deleted } = await this.opts.store.prunePending(now);
    this.pendingPruned += deleted;
    if (deleted) this.opts.logger.debug({ deleted, before: new Date(now).toISOString() }, 'expired pending deadlines pruned');
    return deleted;
  }

  /** Pulls until caught up with the outbox head (CLI rebuild, tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await this.pullOnce();
      total += r.applied;
      if (r.waitingForGap) {
        await this.sleep(Math.min(this.pollMs, this.gapWaitMs));
        continue;
      }
      if (!r.more) return total;
    }
  }

  /** The events that continue the sequence from the cursor, skipping holes that are not worth waiting for. */
  private contiguous(events: OutboxEvent[]): { events: OutboxEvent[]; waitingForGap: boolean } {
    const out: OutboxEvent[] = [];
    let expected = this.cursor + 1;
    for (const e of events) {
      if (e.seq < expected) continue;
      if (e.seq > expected) {
        const now = this.now();
        const occurred = Date.parse(e.occurredAt);
        const old = Number.isFinite(occurred) && now - occurred > this.gapWaitMs;
        if (this.gap?.seq !== expected) this.gap = { seq: expected, since: now };
        if (!old && now - this.gap.since < this.gapWaitMs) return { events: out, waitingForGap: true };
        this.gapsSkipped += 1;
        this.opts.logger.warn({ from: expected, to: e.seq - 1 }, 'outbox seq hole skipped (rolled-back or pruned events)');
        this.gap = null;
      }
      out.push(e);
      expected = e.seq + 1;
    }
    return { events: out, waitingForGap: false };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    this.opts.logger.info({ source: this.opts.source.describe() }, 'outbox consumer started');
    while (!this.stopping) {
      try {
        const r = await this.pullOnce();
        failures = 0;
        if (!r.more) await this.prunePendingIfDue();
        if (r.applied) this.opts.logger.debug({ applied: r.applied, cursor: this.cursor, headSeq: this.headSeq }, 'outbox events applied');
        if (r.more) continue;
        await this.sleep(r.waitingForGap ? Math.min(this.pollMs, 200) : this.pollMs);
      } catch (err) {
        failures += 1;
        this.errors += 1;
        this.lastError = (err as Error).message;
        const backoff = Math.min(this.maxBackoffMs, this.pollMs * 2 ** Math.min(failures, 10));
        const log = failures === 1 || failures % 20 === 0 ? 'warn' : 'debug';
        this.opts.logger[log]({ err: (err as Error).message, failures, backoffMs: backoff }, 'outbox pull failed; retrying');
        await this.sleep(backoff);
      }
    }
    this.opts.logger.info({ cursor: this.cursor }, 'outbox consumer stopped');
  }
}
