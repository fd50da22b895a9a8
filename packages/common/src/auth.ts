import { SignJWT, jwtVerify } from 'jose';
import { Role } from './vocabulary';
import { invalidToken } from './errors';
import { jwtSecret } from './keys';
import { CLOCK_TOLERANCE_SECONDS, ISSUER, STAFF_AUDIENCE, tokenFailureReason } from './service-auth';
import { defaultTokenStateChecker, type TokenStateChecker } from './token-state';

/**
 * Staff tokens are HS256 JWTs signed with PANTAU_JWT_SECRET (see keys.ts). Each process verifies them
 * itself: a subgraph called directly trusts nothing the gateway did not sign. Every token carries exp, iat,
 * iss, aud, sub and `ver` (the account's token version), all required; `viewerFromAuthorization()` also
 * checks sub/ver/role/agency against the account's current state (token-state.ts), so deactivating an account
 * or changing its role ends its sessions within PANTAU_TOKEN_RECHECK_SECONDS.
 *
 * Service-to-service credentials use a different key and audience (service-auth.ts).
 */
export interface Viewer {
  /** Staff account id. */
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The agency the account belongs to. */
  agencyId: string;
  /** The account's token version when the token was issued (0 for a new account). */
  tokenVersion?: number;
}

export function tokenTtlSeconds(): number {
  const ttl = Number(process.env.PANTAU_TOKEN_TTL_SECONDS ?? 8 * 3600);
  if (!Number.isFinite(ttl)) throw new Error('PANTAU_TOKEN_TTL_SECONDS must be a number of seconds.');
  return ttl;
}

export async function signStaffToken(viewer: Viewer, opts: { ttlSeconds?: number; secret?: Uint8Array } = {}) {
  return new SignJWT({
    email: viewer.email,
    name: viewer.name,
    role: viewer.role,
    agencyId: viewer.agencyId,
    ver: viewer.tokenVersion ?? 0,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(viewer.id)
    .setIssuer(ISSUER)
    .setAudience(STAFF_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (opts.ttlSeconds ?? tokenTtlSeconds()))
    .sign(opts.secret ?? jwtSecret());
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw invalidToken('UNAUTHENTICATED.MALFORMED_AUTHORIZATION', {});
  return m[1];
}

/**
 * Verifies a staff token's signature and claims (not yet its account's state; see viewerFromAuthorization);
 * throws UNAUTHENTICATED with a reason for forged, expired, incomplete or wrong-key tokens.
 */
export async function verifyStaffToken(token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, jwtSecret(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: STAFF_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub', 'ver'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // No token outlives the longest lifetime we issue (plus the tolerance), whatever its exp says.
      maxTokenAge: Math.max(tokenTtlSeconds(), 60) + CLOCK_TOLERANCE_SECONDS,
    });
    const role = payload.role as Role;
    if (
      !Object.values(Role).includes(role) ||
      typeof payload.sub !== 'string' ||
      !payload.sub ||
      typeof payload.agencyId !== 'string' ||
      !Number.isSafeInteger(payload.ver) ||
      (payload.ver as number) < 0
    ) {
      throw new Error('claims');
    }
    return {
      id: payload.sub,
      email: String(payload.email ?? ''),
      name: String(payload.name ?? ''),
      role,
      agencyId: payload.agencyId,
      tokenVersion: payload.ver as number,
    };
  } catch (err) {
    const why = err instanceof Error && err.message === 'claims' ? 'missing claims' : tokenFailureReason(err);
    throw invalidToken('UNAUTHENTICATED.INVALID_TOKEN', { detail: why });
  }
}

export interface ViewerOptions {
  /** Where account states come from; default: agencies over HTTP (cached per PANTAU_TOKEN_RECHECK_SECONDS). */
  tokenState?: TokenStateChecker;
}

/**
 * The viewer behind an HTTP Authorization header: null for the public; UNAUTHENTICATED (401) for a bad token
 * or one whose account was deactivated, changed or removed; SERVICE_UNAVAILABLE (503) when the account's state
 * cannot be checked (a token is never accepted unchecked).
 */
export async function viewerFromAuthorization(header: string | undefined | null, opts: ViewerOptions = {}): Promise<Viewer | null> {
  const token = bearerToken(header);
  if (!token) return null;
  const viewer = await verifyStaffToken(token);
  await (opts.tokenState ?? defaultTokenStateChecker()).check({
    sub: viewer.id,
    ver: viewer.tokenVersion ?? 0,
    role: viewer.role,
    agencyId: viewer.agencyId,
  });
  return viewer;
}
