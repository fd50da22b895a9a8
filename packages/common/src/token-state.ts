import { AppError } from './errors';
import { serviceUrl } from './config';
import { serviceHeaders } from './service-auth';
import { Role } from './vocabulary';

/**
 * Revocation: a staff token names its account (`sub`) and the account's token version (`ver`). Every
 * process that accepts staff tokens compares them with the account's current state, which agencies owns
 * (`GET /internal/token-state/:accountId`, service credential required). Deactivating an account, changing
 * its role or agency bumps the version, so its tokens stop working within PANTAU_TOKEN_RECHECK_SECONDS.
 */
export interface TokenState {
  active: boolean;
  tokenVersion: number;
  role: Role;
  agencyId: string;
}

/** Current state of an account; null when it does not exist. Throws when the owner cannot be asked. */
export type TokenStateLookup = (accountId: string) => Promise<TokenState | null>;

export interface TokenClaims {
  sub: string;
  ver: number;
  role: Role;
  agencyId: string;
}

/** How long a cached state may stand in when agencies does not answer. */
export const TOKEN_STATE_STALE_MS = 5 * 60_000;

export function tokenRecheckMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PANTAU_TOKEN_RECHECK_SECONDS;
  const n = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`PANTAU_TOKEN_RECHECK_SECONDS must be a number >= 0, got "${raw}"`);
  return n * 1000;
}

export const sessionInvalid = () => new AppError('UNAUTHENTICATED.SESSION_INVALID', {}, { httpStatus: 401 });

export const tokenStateUnavailable = () => new AppError('SERVICE_UNAVAILABLE.SESSION_CHECK', {}, { httpStatus: 503 });

/** True when the token still matches its account. */
export function tokenMatchesState(claims: TokenClaims, state: TokenState | null): boolean {
  return (
    !!state &&
    state.active &&
    state.tokenVersion === claims.ver &&
    state.role === claims.role &&
    state.agencyId === claims.agencyId
  );
}

/**
 * Caches each account's state for `recheckMs`; when the lookup fails, a state up to `staleMs` old is used,
 * else the check fails with SERVICE_UNAVAILABLE (a token is never accepted unchecked).
 */
export class TokenStateChecker {
  private readonly entries = new Map<string, { state: TokenState | null; at: number }>();
  private readonly inflight = new Map<string, Promise<TokenState | null>>();

  constructor(
    private readonly lookup: TokenStateLookup,
    private readonly opts: { recheckMs?: number; staleMs?: number; maxEntries?: number } = {},
  ) {}

  private async fetch(id: string): Promise<TokenState | null> {
    let p = this.inflight.get(id);
    if (!p) {
      p = this.lookup(id).finally(() => this.inflight.delete(id));
      this.inflight.set(id, p);
    }
    return p;
  }

  async state(id: string): Promise<TokenState | null> {
    const now = Date.now();
    const recheckMs = this.opts.recheckMs ?? tokenRecheckMs();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < recheckMs) return hit.state;
    try {
      const state = await this.fetch(id);
      this.entries.delete(id);
      this.entries.set(id, { state, at: Date.now() });
      const max = this.opts.maxEntries ?? 10_000;
      if (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
      return state;
    } catch {
      if (hit && now - hit.at < (this.opts.staleMs ?? TOKEN_STATE_STALE_MS)) return hit.state;
      throw tokenStateUnavailable();
    }
  }

  /** Throws UNAUTHENTICATED (401) unless the token matches its account's current state. */
  async check(claims: TokenClaims): Promise<void> {
    if (!tokenMatchesState(claims, await this.state(claims.sub))) throw sessionInvalid();
  }

  forget(id?: string) {
    if (id === undefined) this.entries.clear();
    else this.entries.delete(id);
  }
}

/** Base URL of agencies' internal routes: AGENCIES_INTERNAL_URL, else the origin of AGENCIES_URL. */
export function agenciesInternalUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.AGENCIES_INTERNAL_URL || new URL(serviceUrl('agencies')).origin).replace(/\/+$/, '');
}

function isTokenState(v: unknown): v is TokenState {
  const s = v as TokenState;
  return (
    !!s &&
    typeof s.active === 'boolean' &&
    Number.isInteger(s.tokenVersion) &&
    Object.values(Role).includes(s.role) &&
    typeof s.agencyId === 'string'
  );
}

/** Asks agencies over HTTP with the service credential. */
export function httpTokenStateLookup(baseUrl: string, opts: { service?: string; timeoutMs?: number } = {}): TokenStateLookup {
  const base = baseUrl.replace(/\/graphql$/, '').replace(/\/+$/, '');
  return async (accountId) => {
    const res = await fetch(`${base}/internal/token-state/${encodeURIComponent(accountId)}`, {
      headers: { accept: 'application/json', ...(await serviceHeaders(opts.service ?? 'token-check')) },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 3000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`token-state answered HTTP ${res.status}`);
    const body = (await res.json()) as unknown;
    if (!isTokenState(body)) throw new Error('token-state answered a malformed body');
    return body;
  };
}

let defaultChecker: TokenStateChecker | null = null;

/**
 * The checker `viewerFromAuthorization()` uses when none is passed: HTTP to agencies by default.
 * Tests and embedders may replace it (e.g. to point at an agencies started on a free port).
 */
export function setDefaultTokenStateChecker(checker: TokenStateChecker | null) {
  defaultChecker = checker;
}

export function defaultTokenStateChecker(): TokenStateChecker {
  defaultChecker ??= new TokenStateChecker(httpTokenStateLookup(agenciesInternalUrl()));
  return defaultChecker;
}
