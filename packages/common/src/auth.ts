import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { Role } from './vocabulary';
import { invalidToken } from './errors';

/**
 * Tokens are HS256 JWTs signed with the key every service shares (PANTAU_JWT_SECRET). Each
 * subgraph verifies them itself: a subgraph called directly trusts nothing the gateway did not sign.
 *
 * Staff tokens have audience `pantau`; service-to-service tokens (the analytics consumer reading
 * the reports outbox) have audience `pantau-internal` and are useless on the public API.
 */
export const ISSUER = 'pantau-agencies';
export const STAFF_AUDIENCE = 'pantau';
export const SERVICE_AUDIENCE = 'pantau-internal';

/** Used only when no secret is configured and we are not in production (the embedded demo). */
const DEMO_SECRET = 'pantau-demo-secret-do-not-use-in-production-0123456789';

export interface Viewer {
  /** Staff account id. */
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The agency the account belongs to. */
  agencyId: string;
}

export interface ServicePrincipal {
  service: string;
}

export function jwtSecret(): Uint8Array {
  const secret = process.env.PANTAU_JWT_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('PANTAU_JWT_SECRET must be set in production (32+ random characters).');
    }
    return new TextEncoder().encode(DEMO_SECRET);
  }
  if (secret.length < 32) throw new Error('PANTAU_JWT_SECRET must be at least 32 characters long.');
  return new TextEncoder().encode(secret);
}

export function tokenTtlSeconds(): number {
  return Number(process.env.PANTAU_TOKEN_TTL_SECONDS ?? 8 * 3600);
}

export async function signStaffToken(viewer: Viewer, opts: { ttlSeconds?: number; secret?: Uint8Array } = {}) {
  return new SignJWT({ email: viewer.email, name: viewer.name, role: viewer.role, agencyId: viewer.agencyId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.id)
    .setIssuer(ISSUER)
    .setAudience(STAFF_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (opts.ttlSeconds ?? tokenTtlSeconds()))
    .sign(opts.secret ?? jwtSecret());
}

export async function signServiceToken(service: string, ttlSeconds = 3600) {
  return new SignJWT({ service })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`service:${service}`)
    .setIssuer(ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(jwtSecret());
}

function reason(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `invalid claim ${err.claim}`;
  return 'malformed';
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw invalidToken('Authorization header must be "Bearer <token>".', 'Header Authorization harus berbentuk "Bearer <token>".');
  return m[1];
}

/** Verifies a staff token; throws UNAUTHENTICATED with a reason for forged, expired or wrong-key tokens. */
export async function verifyStaffToken(token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, jwtSecret(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: STAFF_AUDIENCE,
    });
    const role = payload.role as Role;
    if (!Object.values(Role).includes(role) || typeof payload.sub !== 'string' || typeof payload.agencyId !== 'string') {
      throw new Error('claims');
    }
    return {
      id: payload.sub,
      email: String(payload.email ?? ''),
      name: String(payload.name ?? ''),
      role,
      agencyId: payload.agencyId,
    };
  } catch (err) {
    const why = err instanceof Error && err.message === 'claims' ? 'missing claims' : reason(err);
    throw invalidToken(`Invalid token (${why}). Sign in again.`, `Token tidak sah (${why}). Silakan masuk kembali.`);
  }
}

export async function verifyServiceToken(token: string): Promise<ServicePrincipal> {
  try {
    const { payload } = await jwtVerify(token, jwtSecret(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: SERVICE_AUDIENCE,
    });
    return { service: String(payload.service) };
  } catch (err) {
    throw invalidToken(`Invalid service token (${reason(err)}).`, `Token layanan tidak sah (${reason(err)}).`);
  }
}

/** The viewer behind an HTTP Authorization header: null for the public, an error for a bad token. */
export async function viewerFromAuthorization(header: string | undefined | null): Promise<Viewer | null> {
  const token = bearerToken(header);
  return token ? verifyStaffToken(token) : null;
}
