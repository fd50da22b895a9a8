import type { Jurisdiction, RegistryAgency, RegistryClient, RegistryRegion } from '../registry/client';

/** How long a routing answer is reused (the topic list is cached for as long by the HTTP client). */
export const ROUTE_TTL_MS = 60_000;
const MAX_ROUTES = 20_000;

/**
 * Intake without a registry round trip per submission (issue 11): the routing suggestion for a
 * (topic, region, road) is reused for a minute. It is a suggestion the admin confirms or changes at
 * disposition, so a minute-old answer is as good as a fresh one; refusals (unknown region or road)
 * are not cached, and concurrent submissions for the same place share one request. Agency lookups
 * (disposition and forwarding check that the agency is active) always ask the registry.
 */
export class CachedRegistry implements RegistryClient {
  private readonly routes = new Map<string, { at: number; value: Promise<Jurisdiction> }>();

  constructor(
    private readonly inner: RegistryClient,
    private readonly opts: { ttlMs?: number; now?: () => number } = {},
  ) {}

  topics(): Promise<string[]> {
    return this.inner.topics();
  }

  resolveJurisdiction(input: { topic: string; regionCode: string; roadId?: string | null }): Promise<Jurisdiction> {
    const now = (this.opts.now ?? Date.now)();
    const key = `${input.topic}\u0000${input.regionCode}\u0000${input.roadId ?? ''}`;
    const hit = this.routes.get(key);
    if (hit && now - hit.at < (this.opts.ttlMs ?? ROUTE_TTL_MS)) return hit.value;
    const value = this.inner.resolveJurisdiction(input);
    if (this.routes.size >= MAX_ROUTES) this.routes.delete(this.routes.keys().next().value!);
    this.routes.delete(key);
    this.routes.set(key, { at: now, value });
    value.catch(() => {
      if (this.routes.get(key)?.value === value) this.routes.delete(key);
    });
    return value;
  }

  agency(id: string): Promise<RegistryAgency | null> {
    return this.inner.agency(id);
  }

  regionChildren(code: string, first?: number): Promise<RegistryRegion[]> {
    return this.inner.regionChildren(code, first);
  }
}
