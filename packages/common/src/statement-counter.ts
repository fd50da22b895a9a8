import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements a data source sends (every typeorm query runner reports each statement to
 * the data source's logger, whatever the `logging` option): the benchmark's statements-per-operation
 * figures and the budget tests. `take()` returns the statements since the last take and starts again.
 */
export interface StatementCounter {
  take(): string[];
  /** Like take(), with each statement's parameters (to EXPLAIN it). */
  takeWithParameters(): Array<{ sql: string; parameters: unknown[] }>;
  stop(): void;
}

export function countStatements(ds: DataSource): StatementCounter {
  const logger = ds.logger;
  const original = logger.logQuery;
  let seen: Array<{ sql: string; parameters: unknown[] }> = [];
  logger.logQuery = function (query, parameters, runner) {
    seen.push({ sql: query, parameters: Array.isArray(parameters) ? parameters : [] });
    return original.call(logger, query, parameters, runner);
  };
  return {
    take() {
      return this.takeWithParameters().map((s) => s.sql);
    },
    takeWithParameters() {
      const out = seen;
      seen = [];
      return out;
    },
    stop() {
      logger.logQuery = original;
    },
  };
}
