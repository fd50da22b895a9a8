import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import {
  parseFilters,
  previousPeriod,
  resolvePeriod,
  sharedQuery,
  toAnalyticsFilter,
  toDay,
  writeFilters,
  type AnalyticsFilterInput,
  type DateRange,
  type Filters,
} from './filters';

export interface FilterState {
  filters: Filters;
  range: DateRange;
  previous: DateRange;
  /** Variables for every analytics query (stable per day and filter). */
  analyticsFilter: AnalyticsFilterInput;
  previousAnalyticsFilter: AnalyticsFilterInput;
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
  // Day-granular "today" so the derived ISO range (and so query variables) stay stable while the
  // page is open and roll over at local midnight.
  const todayKey = toDay(new Date());

  const state = useMemo(() => {
    const filters = parseFilters(new URLSearchParams(search));
    const range = resolvePeriod(filters, new Date(`${todayKey}T12:00:00`));
    const previous = previousPeriod(range);
    return {
      filters,
      range,
      previous,
      analyticsFilter: toAnalyticsFilter(filters, range),
      previousAnalyticsFilter: toAnalyticsFilter(filters, previous),
    };
  }, [search, todayKey]);

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
