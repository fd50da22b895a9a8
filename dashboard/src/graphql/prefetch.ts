/**
 * The overview's data requested before React mounts (issue 12, first chart under 1.5 s).
 *
 * Without this the overview's queries leave only after the entry has run, React has rendered the
 * shell, the page chunk has arrived and the panels have rendered (≈ 0.6–1 s after the HTML on a
 * desktop). main.tsx calls `prefetchFirstView()` as soon as the entry runs: it builds the same urql
 * client the app will use (same token and language, see `primeClient` in client.ts) and asks it the
 * overview's queries with the variables the page will compute from the URL. When the panels render,
 * urql finds each answer in its cache, or shares the request still in flight (same operation key), so
 * nothing is sent twice. `__tests__/prefetch.test.tsx` renders the real overview and checks that it
 * asks exactly these operations and variables.
 */
import type { AnyVariables, Client, DocumentInput } from 'urql';
import { loadSession } from '../auth/session';
import { comparisonPlan } from '../components/kpi';
import { parseFilters, resolvePeriod, scopeOnlyFilter, toAnalyticsFilter, trendInterval } from '../filters/filters';
import { deploymentTimeZone } from '../domain/timeZone';
import { parseLang } from '../i18n/I18n';
import { primeClient } from './client';
import { OVERVIEW_BREAKDOWN, OVERVIEW_KPIS, REPORT_TREND } from './operations';

export interface PrefetchRequest {
  query: DocumentInput<any, AnyVariables>;
  variables: AnyVariables;
}

/** The overview's queries (KPI cards, trend, topic and status charts) for a URL's query string. */
export function overviewRequests(search: string, now: Date = new Date(), timeZone: string = deploymentTimeZone()): PrefetchRequest[] {
  const filters = parseFilters(new URLSearchParams(search));
  const range = resolvePeriod(filters, now, timeZone);
  const filter = toAnalyticsFilter(filters, range);
  const scope = scopeOnlyFilter(filters);
  const plan = comparisonPlan(range, timeZone);
  const compare = plan.current != null && plan.previous != null;
  return [
    {
      query: OVERVIEW_KPIS,
      variables: {
        filter,
        now: scope,
        compare,
        cmpCurrent: compare ? toAnalyticsFilter(filters, plan.current!) : null,
        previous: compare ? toAnalyticsFilter(filters, plan.previous!) : null,
        before: compare ? { ...scope, to: plan.previous!.from!.toISOString() } : null,
      },
    },
    { query: REPORT_TREND, variables: { filter, interval: trendInterval(range) } },
    { query: OVERVIEW_BREAKDOWN, variables: { filter } },
  ];
}

/** Requests per first page (only the overview, the landing page, for now). */
export function firstViewRequests(path: string, search: string): PrefetchRequest[] {
  return path === '/' || path === '' ? overviewRequests(search) : [];
}

/**
 * Starts the first page's queries on the client the app will adopt; returns how many were sent.
 * The language and the token are the ones the app's providers will read (the URL's `lang`, the stored
 * session), so the app's first client is this one.
 */
export function prefetchFirstView(location: Pick<Location, 'pathname' | 'search'> = window.location): number {
  const requests = firstViewRequests(location.pathname, location.search);
  if (!requests.length) return 0;
  const params = new URLSearchParams(location.search);
  const client: Client = primeClient({ token: loadSession()?.token ?? null, lang: parseLang(params.get('lang')) });
  for (const r of requests) void client.query(r.query, r.variables).toPromise();
  return requests.length;
}
