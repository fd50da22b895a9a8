import { isIP } from 'node:net';
import type express from 'express';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from './errors';
import { sendAppError } from './http-errors';
import { serviceSecret } from './keys';

/**
 * The service-to-service credential: `X-Pantau-Service: <HS256 JWT signed with PANTAU_SERVICE_SECRET,
 * aud "pantau-internal">`. Subgraph `/graphql`, `/attachments` and every `/internal/*` route require it, so
 * the subgraph ports answer only the gateway and the other services. It is signed with its own key: a staff
 * token cannot stand in for it, and it is never accepted as a staff token.
 */
export const ISSUER = 'pantau-agencies';
export const STAFF_AUDIENCE = 'pantau';
export const SERVICE_ISSUER = 'pantau-services';
export const SERVICE_AUDIENCE = 'pantau-internal';
export const SERVICE_HEADER = 'x-pantau-service';
export const CLIENT_IP_HEADER = 'x-pantau-client-ip';
/** Allowed clock skew between processes when checking exp/iat. */
export const CLOCK_TOLERANCE_SECONDS = 5;

export interface ServicePrincipal {
  service: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set when the request carries a valid service credential (it came from the gateway or a service). */
      pantauService?: ServicePrincipal;
    }
  }
}

export async function signServiceToken(service: string, ttlSeconds = 3600, secret: Uint8Array = serviceSecret()) {
  return new SignJWT({ service })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`service:${service}`)
    .setIssuer(SERVICE_ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secret);
}

function reason(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `invalid claim ${err.claim}`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  return 'malformed';
}
export { reason as tokenFailureReason };

/** `why`: what was wrong with the credential, in English (`detail` in extensions, for the operator). */
export const serviceCredentialRequired = (why?: string) =>
  new AppError('UNAUTHENTICATED.SERVICE_CREDENTIAL_REQUIRED', {}, { httpStatus: 401, ...(why ? { extra: { detail: why } } : {}) });

export async function verifyServiceToken(token: string): Promise<ServicePrincipal> {
  try {
    const { payload } = await jwtVerify(token, serviceSecret(), {
      algorithms: ['HS256'],
      issuer: SERVICE_ISSUER,
      audience: SERVICE_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: 24 * 3600,
    });
    if (typeof payload.service !== 'string' || payload.sub !== `service:${payload.service}`) throw new Error('claims');
    return { service: payload.service };
  } catch (err) {
    throw serviceCredentialRequired(err instanceof Error && err.message === 'claims' ? 'missing claims' : reason(err));
  }
}

const issued = new Map<string, { value: string; expires: number; key: Uint8Array }>();

/** Headers that carry this process's service credential (token cached, renewed 5 minutes before expiry). */
export async function serviceHeaders(service = 'gateway'): Promise<Record<string, string>> {
  const key = serviceSecret();
  const now = Date.now();
  let t = issued.get(service);
  if (!t || t.key !== key || t.expires - now < 5 * 60_000) {
    const ttl = 3600;
    t = { value: await signServiceToken(service, ttl, key), expires: now + ttl * 1000, key };
    issued.set(service, t);
  }
  return { [SERVICE_HEADER]: t.value };
}

/** Sends an AppError as the one JSON error shape, in the request's language. */
export const sendError = sendAppError;

/** Express middleware: only requests with a valid X-Pantau-Service pass; sets `req.pantauService`. */
export function requireServiceCredential(): express.RequestHandler {
  return (req, res, next) => {
    const header = req.headers[SERVICE_HEADER];
    if (typeof header !== 'string' || !header) {
      sendError(res, serviceCredentialRequired());
      return;
    }
    verifyServiceToken(header.trim()).then(
      (principal) => {
        req.pantauService = principal;
        next();
      },
      (err: AppError) => sendError(res, err, 401),
    );
  };
}

/**
 * The end client's address: the gateway's `X-Pantau-Client-Ip` on requests with a valid service credential,
 * else the socket's address. Never trusts the header from anyone else.
 */
export function clientIp(req: express.Request): string {
  const forwarded = req.headers[CLIENT_IP_HEADER];
  if (req.pantauService && typeof forwarded === 'string' && isIP(forwarded.trim())) return forwarded.trim();
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
