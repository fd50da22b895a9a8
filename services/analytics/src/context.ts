import DataLoader from 'dataloader';
import type { Request } from 'express';
import { viewerFromAuthorization, type Viewer } from '@pantau/common';
import type { AgencyPerformance } from './domain/metrics';
import type { Scope } from './domain/scope';
import type { AnalyticsService } from './service';

/**
 * Analytics serves aggregate figures only (no personal data), readable by the public. A token, when
 * sent, is still verified: a forged or expired one is an UNAUTHENTICATED error, as on every subgraph.
 */
export interface AnalyticsContext {
  viewer: Viewer | null;
  service: AnalyticsService;
  /** Agency.performance batched per filter: one read for all agencies of a request. */
  performanceLoader(scope: Scope): DataLoader<string, AgencyPerformance>;
}

export function createContextValue(service: AnalyticsService, viewer: Viewer | null): AnalyticsContext {
  const loaders = new Map<string, DataLoader<string, AgencyPerformance>>();
  return {
    viewer,
    service,
    performanceLoader(scope) {
      const key = JSON.stringify(scope);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids: readonly string[]) => service.agencyPerformance(scope, [...ids]));
        loaders.set(key, loader);
      }
      return loader;
    },
  };
}

export async function createContext(service: AnalyticsService, req: Request): Promise<AnalyticsContext> {
  return createContextValue(service, await viewerFromAuthorization(req.headers.authorization));
}
