import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How many reports share a text or a reporter on one local day (domain/bursts.ts `counterKeys`), kept up
 * to date in the transaction that stores each report. A burst needs at least 10 on a day, so the counters
 * that reach it are the only groups worth counting in a scope: `reportBursts` reads those few through the
 * (reports, day) index, then counts their reports in scope, instead of reading every report in the period.
 */
@Entity({ name: 'report_burst_count' })
@Index('idx_report_burst_count_reports', ['reports', 'day'])
export class BurstCountEntity {
  /** Local day, YYYY-MM-DD (reporting time zone). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  /** `t:` + text hash, or `r:` + reporter hash. */
  @PrimaryColumn({ type: 'varchar', length: 66 })
  burstKey: string;

  @Column({ type: 'integer' })
  reports: number;
}
