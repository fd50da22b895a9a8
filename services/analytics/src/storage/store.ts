import type { DataSource } from 'typeorm';
import { isMysql, type OutboxEvent, type StoreConfig } from '@pantau/common';
import { ZonedCalendar } from '../domain/time';
import type { Fact } from '../domain/facts';
import { openAnalyticsStore } from './datasource';
import { AnalyticsReader } from './reader';
import { applyEvents, applyFactsOnly, finishReplay, insertFacts, prunePending, readCursor, readPendingHorizon, rebuildRollups, rollupsStale, wipeAll, type ApplyResult } from './writer';
import type { Db } from './sql';

/**
 * Readers share, a writer is alone. Needed on SQLite, where typeorm drives one connection for the whole
 * process: without it a reader could see a batch half-applied, and two transactions would nest.
 */
export class RwLock {
  private readers = 0;
  private writer = false;
  private readonly queue: Array<{ write: boolean; resolve: () => void }> = [];

  async read<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await fn();
    } finally {
      this.release(false);
    }
  }

  async write<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await fn();
    } finally {
      this.release(true);
    }
  }

  private canRun(write: boolean) {
    return write ? !this.writer && this.readers === 0 : !this.writer;
  }

  private take(write: boolean) {
    if (write) this.writer = true;
    else this.readers++;
  }

  private acquire(write: boolean): Promise<void> {
    if (this.queue.length === 0 && this.canRun(write)) {
      this.take(write);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push({ write, resolve }));
  }

  private release(write: boolean) {
    if (write) this.writer = false;
    else this.readers--;
    while (this.queue.length && this.canRun(this.queue[0].write)) {
      const next = this.queue.shift()!;
      this.take(next.write);
      next.resolve();
    }
  }
}

/** Writes seen per data source (shared by every AnalyticsStore view of it). */
const VERSIONS = new WeakMap<DataSource, number>();
/** The pending table's pruned horizon per data source (read once, then kept by this process's prunes). */
const PENDING_HORIZONS = new WeakMap<DataSource, number>();

export interface AnalyticsStoreOptions {
  timeZone?: string;
  /** false: compute every figure from the fact table only (benchmark baseline, cross-checks). */
  useRollups?: boolean;
}

/** Analytics' own store: facts, rollups, cursor. Consistent reads, atomic batches. */
export class AnalyticsStore {
  readonly cal: ZonedCalendar;
  private readonly mysql: boolean;

  constructor(
    readonly ds: DataSource,
    private readonly opts: AnalyticsStoreOptions = {},
    private readonly lock = new RwLock(),
  ) {
    this.cal = new ZonedCalendar(opts.timeZone);
    this.mysql = isMysql(ds);
  }

  static async open(config: StoreConfig, opts: AnalyticsStoreOptions = {}): Promise<AnalyticsStore> {
    const store = new AnalyticsStore(await openAnalyticsStore(config), opts);
    await store.pendingHorizon();
    return store;
  }

  /** Before this instant, expired pending rows may have been pruned (readers then use the facts). */
  async pendingHorizon(): Promise<number> {
    let h = PENDING_HORIZONS.get(this.ds);
    if (h === undefined) PENDING_HORIZONS.set(this.ds, (h = await readPendingHorizon(this.ds)));
    return h;
  }

  /** Deletes pending rows whose deadlines all passed before `before` (the consumer's clock); see writer.prunePending. */
  async prunePending(before: number): Promise<{ deleted: number; horizon: number }> {
    const res = await this.write((db) => prunePending(db, before));
    PENDING_HORIZONS.set(this.ds, res.horizon);
    return res;
  }

  get kind(): 'sqlite' | 'mysql' {
    return this.mysql ? 'mysql' : 'sqlite';
  }

  /** Same data, another read mode (e.g. the raw fact-table baseline). */
  withOptions(opts: AnalyticsStoreOptions): AnalyticsStore {
    return new AnalyticsStore(this.ds, { ...this.opts, ...opts }, this.lock);
  }

  /** Runs several reads against one consistent snapshot. */
  async read<T>(fn: (reader: AnalyticsReader) => Promise<T>): Promise<T> {
    const useRollups = this.opts.useRollups ?? true;
    const horizon = await this.pendingHorizon();
    if (this.mysql) {
      return this.ds.transaction('REPEATABLE READ', (em) => fn(new AnalyticsReader(em, this.cal, useRollups, horizon)));
    }
    return this.lock.read(() => fn(new AnalyticsReader(this.ds, this.cal, useRollups, horizon)));
  }

  /** One write transaction. */
  async write<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    try {
      if (this.mysql) return await this.ds.transaction((em) => fn(em));
      return await this.lock.write(() => this.ds.transaction((em) => fn(em)));
    } finally {
      VERSIONS.set(this.ds, this.version + 1);
    }
  }

  /** Moves on every write through this process (answer caches compare it). */
  get version(): number {
    return VERSIONS.get(this.ds) ?? 0;
  }

  /** Applies a page of outbox events and stores the cursor, atomically. */
  applyBatch(events: OutboxEvent[]): Promise<ApplyResult> {
    return this.write((db) => applyEvents(db, events, this.cal));
  }

  /**
   * Replay from zero: facts and cursor only, rollups marked stale until finishReplay (consumer.ts decides;
   * figures read meanwhile are those of a store still being rebuilt).
   */
  applyFactsOnly(events: OutboxEvent[]): Promise<ApplyResult> {
    return this.write((db) => applyFactsOnly(db, events, this.cal));
  }

  /** Whether a replay left the rollups behind the facts (survives a restart: stored with the cursor). */
  rollupsStale(): Promise<boolean> {
    return rollupsStale(this.ds);
  }

  /** Rollups, histograms and pending rows recomputed from the facts in one transaction; the stale mark cleared. */
  finishReplay(): Promise<void> {
    return this.write((db) => finishReplay(db));
  }

  cursor(): Promise<number> {
    return readCursor(this.ds);
  }

  /** Deletes facts, rollups and cursor in one transaction (the start of a rebuild). */
  async wipe(): Promise<void> {
    await this.write((db) => wipeAll(db));
    PENDING_HORIZONS.set(this.ds, 0);
  }

  /** Recomputes every rollup from the fact table (bulk path). */
  rebuildRollups(): Promise<void> {
    return this.write((db) => rebuildRollups(db));
  }

  /** Bulk-inserts facts (benchmark). */
  insertFacts(facts: Fact[]): Promise<void> {
    return this.write((db) => insertFacts(db, facts));
  }

  close(): Promise<void> {
    return this.ds.isInitialized ? this.ds.destroy() : Promise.resolve();
  }
}
