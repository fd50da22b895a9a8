import DataLoader from 'dataloader';
import type { Request } from 'express';
import { viewerFromAuthorization, type Viewer } from '@pantau/common';
import type { DisclosedPerformance } from './domain/disclosure';
import type { Scope } from './domain/scope';
import type { AnalyticsService } from './service/analytics-service';

type AgencyBreakdown = NonNullable<ReturnType<Awaited<ReturnType<AnalyticsService['agencyBreakdownMany']>>['get']>>;
type DisclosedRegionStats = Awaited<ReturnType<AnalyticsService['regionStatsMany']>>[number];

/**
 * Analytics serves aggregate figures only (no personal data), readable by the public. A token, when
 * sent, is still verified: a forged or expired one is an UNAUTHENTICATED error, as on every subgraph.
 */
export interface AnalyticsContext {
  viewer: Viewer | null;
  service: AnalyticsService;
  /**
   * Small-cell threshold for this viewer: k for the public (figures from fewer than k reports are
   * withheld, time windows widened to whole days), null for staff (any valid staff token: everything).
   */
  disclosureK: number | null;
  /** Agency.performance batched per filter: one read for all agencies of a request. */
  performanceLoader(scope: Scope): DataLoader<string, DisclosedPerformance>;
  /** AgencyPerformance.maladministration / .firstResponseAgency batched per filter: one read for all agencies of a request. */
  breakdownLoader(scope: Scope): DataLoader<string, AgencyBreakdown>;
  /** Region.reportStats batched per filter: the regions of a request in one grouped read. */
  regionStatsLoader(scope: Scope): DataLoader<string, DisclosedRegionStats>;
}

export function createContextValue(service: AnalyticsService, viewer: Viewer | null): AnalyticsContext {
  const loaders = new Map<string, DataLoader<string, DisclosedPerformance>>();
  const breakdownLoaders = new Map<string, DataLoader<string, AgencyBreakdown>>();
  const regionLoaders = new Map<string, DataLoader<string, DisclosedRegionStats>>();
  // k = 1 turns small-cell protection off (nothing is below 1 report): the public is then served like staff.
  const disclosureK = viewer || service.smallCellK <= 1 ? null : service.smallCellK;
  return {
    viewer,
    service,
    disclosureK,
    performanceLoader(scope) {
      const key = JSON.stringify(scope);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids: readonly string[]) => service.agencyPerformance(scope, [...ids], disclosureK));
        loaders.set(key, loader);
      }
      return loader;
    },
    breakdownLoader(scope) {
      const key = JSON.stringify(scope);
      let loader = breakdownLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids: readonly string[]) => {
          const byId = await service.agencyBreakdownMany(scope, ids, disclosureK);
          return ids.map((id) => byId.get(id)!);
        });
        breakdownLoaders.set(key, loader);
      }
      return loader;
    },
    regionStatsLoader(scope) {
      const key = JSON.stringify(scope);
      let loader = regionLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((codes: readonly string[]) => service.regionStatsMany(scope, codes, disclosureK));
        regionLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export async function createContext(service: AnalyticsService, req: Request): Promise<AnalyticsContext> {
  return createContextValue(service, await viewerFromAuthorization(req.headers.authorization));
}
