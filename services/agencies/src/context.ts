import DataLoader from 'dataloader';
import type { Request } from 'express';
import { In, type DataSource } from 'typeorm';
import { clientIp, viewerFromAuthorization, type Viewer } from '@pantau/common';
import { Agency } from './entities/agency.entity';
import { Region } from './entities/region.entity';
import type { Locale } from './domain/jurisdiction';
import type { SignInThrottle } from './domain/sign-in-throttle';
import { localTokenStateChecker } from './auth/token-state';
import { ApiClientService } from './service/api-client-service';
import { JurisdictionService } from './service/jurisdiction-service';
import { RegistryService } from './service/registry-service';
import { StaffService } from './service/staff-service';

export interface AgenciesContext {
  viewer: Viewer | null;
  locale: Locale;
  ds: DataSource;
  loaders: Loaders;
  /** The service layer: the registry's reads, routing, staff accounts, Open311 API clients. */
  registry: RegistryService;
  jurisdiction: JurisdictionService;
  staff: StaffService;
  apiClients: ApiClientService;
  /** The end client's address (the gateway's X-Pantau-Client-Ip on service-credentialed requests). */
  clientAddress: string;
  /** Set by createServer; the resolver falls back to one built from env. */
  signInThrottle?: SignInThrottle;
}

export interface Loaders {
  region: DataLoader<string, Region | null>;
  agency: DataLoader<string, Agency | null>;
}

/** Batch loaders, one set per request; results in key order. */
export function createLoaders(ds: DataSource): Loaders {
  return {
    region: new DataLoader(async (codes: readonly string[]) => {
      const rows = await ds.getRepository(Region).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    agency: new DataLoader(async (ids: readonly string[]) => {
      const rows = await ds.getRepository(Agency).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export function localeFrom(header: string | undefined): Locale {
  return header && /^en\b/i.test(header.trim()) ? 'en' : 'id';
}

export async function createContext(ds: DataSource, req: Request): Promise<AgenciesContext> {
  const loaders = createLoaders(ds);
  return {
    viewer: await viewerFromAuthorization(req.headers.authorization, { tokenState: localTokenStateChecker(ds) }),
    locale: localeFrom(req.headers['accept-language']),
    ds,
    loaders,
    registry: new RegistryService(ds),
    jurisdiction: new JurisdictionService(ds, loaders),
    staff: new StaffService(ds),
    apiClients: new ApiClientService(ds),
    clientAddress: clientIp(req),
  };
}
