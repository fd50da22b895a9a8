import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { dayInZone, deploymentTimeZone } from '../domain/timeZone';
import {
  parseFilters,
  previousPeriod,
  resolvePeriod,
  scopeOnlyFilter,
  sharedQuery,
  toAnalyticsFilter,
  writeFilters,
  type AnalyticsFilterInput,
  type DateRange,
  type Filters,
} from './filters';

export interface FilterState {
  filters: Filters;
  range: DateRange;
  /** The same length just before (null for all time). */
  previous: DateRange | null;
  /** Variables for every analytics query (stable per day and filter). */
  analyticsFilter: AnalyticsFilterInput;
  previousAnalyticsFilter: AnalyticsFilterInput | null;
  /** The scope (region, agency, topic) without a period: every report, for figures "now". */
  scopeFilter: Omit<AnalyticsFilterInput, 'to'>;
  /** The deployment's time zone (days, weeks, months are counted in it). */
  timeZone: string;
  setFilters: (patch: Partial<Filters>) => void;
  /** Page-specific URL keys (search text, status, sort, cursor …). */
  params: URLSearchParams;
  setParams: (patch: Record<string, string | null | undefined>, opts?: { replace?: boolean }) => void;
  /** "?period=…&region=…" for links that keep the shared filters. */
  shared: (extra?: Record<string, string | null | undefined>) => string;
}

/** Keys a page may add that are reset whenever the global filters change (pagination cursors). */
const RESET_ON_FILTER_CHANGE = ['after', 'page'];

export function useFilters(): FilterState {
  const [params, setSearchParams] = useSearchParams();
  const search = params.toString();
  const timeZone = deploymentTimeZone();
  // Day-granular "today" (in the deployment's zone) so the derived ISO range (and so query variables)
  // stay stable while the page is open and roll over at midnight there.
  const todayKey = dayInZone(new Date(), timeZone);

  const state = useMemo(() => {
    const filters = parseFilters(new URLSearchParams(search));
    const range = resolvePeriod(filters, new Date(), timeZone);
    const previous = previousPeriod(range, timeZone);
    return {
      filters,
      range,
      previous,
      analyticsFilter: toAnalyticsFilter(filters, range),
      previousAnalyticsFilter: previous ? toAnalyticsFilter(filters, previous) : null,
      scopeFilter: scopeOnlyFilter(filters),
      timeZone,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, todayKey, timeZone]);

  const setFilters = useCallback(
    (patch: Partial<Filters>) =>
      setSearchParams((prev) => {
        const next = writeFilters(patch, prev);
        for (const key of RESET_ON_FILTER_CHANGE) next.delete(key);
        return next;
      }),
    [setSearchParams],
  );

  const setParams = useCallback(
    (patch: Record<string, string | null | undefined>, opts?: { replace?: boolean }) =>
      setSearchParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      }, opts),
    [setSearchParams],
  );

  const shared = useCallback((extra?: Record<string, string | null | undefined>) => sharedQuery(new URLSearchParams(search), extra), [search]);

  return { ...state, setFilters, params, setParams, shared };
}
