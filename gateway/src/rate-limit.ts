import type express from 'express';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import {
  addressKey,
  bearerToken,
  consumeLimit,
  envLimit,
  LimiterFactory,
  langOf,
  rateLimitedBody,
  verifyStaffToken,
  type LimitSpec,
  type Logger,
  type RateLimitRefusal,
} from '@pantau/common';

/**
 * Abuse control at the gateway (rate-limiter-flexible; memory, or Redis when REDIS_URL is set — see
 * @pantau/common rate-limit.ts). Every request counts against a general budget per client address and, when it
 * carries a valid staff token, per subject (`sub`); some operations also count against a stricter class per
 * client address. A refusal is HTTP 429 with `Retry-After` and the one JSON error shape (code RATE_LIMITED).
 */

export type LimitClass = 'signIn' | 'submitReport' | 'upload' | 'reportByTrackingId';

export interface GatewayRateLimits {
  /** Every request per client address. */
  general: LimitSpec;
  /** Every request per signed-in subject (token `sub`), whatever its address. */
  subject: LimitSpec;
  signIn: LimitSpec;
  submitReport: LimitSpec;
  upload: LimitSpec;
  reportByTrackingId: LimitSpec;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayRateLimits = {
  general: { points: 1200, durationSeconds: 60 },
  subject: { points: 1200, durationSeconds: 60 },
  signIn: { points: 20, durationSeconds: 60 },
  submitReport: { points: 10, durationSeconds: 600 },
  upload: { points: 30, durationSeconds: 600 },
  reportByTrackingId: { points: 60, durationSeconds: 300 },
};

/** The variable that changes each limit ("<points>/<seconds>"). */
export const GATEWAY_LIMIT_ENV: Record<keyof GatewayRateLimits, string> = {
  general: 'PANTAU_RATE_LIMIT_GENERAL',
  subject: 'PANTAU_RATE_LIMIT_SUBJECT',
  signIn: 'PANTAU_RATE_LIMIT_SIGNIN',
  submitReport: 'PANTAU_RATE_LIMIT_SUBMIT_REPORT',
  upload: 'PANTAU_RATE_LIMIT_UPLOAD',
  reportByTrackingId: 'PANTAU_RATE_LIMIT_TRACKING',
};

export function gatewayLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayRateLimits {
  const out = {} as GatewayRateLimits;
  for (const k of Object.keys(DEFAULT_GATEWAY_LIMITS) as Array<keyof GatewayRateLimits>) {
    out[k] = envLimit(GATEWAY_LIMIT_ENV[k], DEFAULT_GATEWAY_LIMITS[k], env);
  }
  return out;
}

/** Root fields that count against a stricter class. */
export const ROOT_FIELD_CLASSES: Readonly<Record<string, LimitClass>> = {
  signIn: 'signIn',
  submitReport: 'submitReport',
  reportByTrackingId: 'reportByTrackingId',
};

/**
 * express `trust proxy` from PANTAU_TRUST_PROXY: unset → the socket address is the client (X-Forwarded-For is
 * ignored); `true`, a hop count, or addresses/subnets/`loopback`/`uniquelocal` of the proxies to trust.
 */
export function trustProxySetting(env: NodeJS.ProcessEnv = process.env): boolean | number | string {
  const raw = env.PANTAU_TRUST_PROXY?.trim();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * How many times each class's root fields are executed by one GraphQL request: fields counted by response key
 * (`a: signIn … b: signIn …` is two sign-ins; a field repeated under the same key runs once), through inline
 * fragments and fragment spreads at the root. Returns null when the query does not parse (Apollo answers that).
 */
export function classifyGraphQL(query: unknown, operationName?: unknown): Map<LimitClass, number> | null {
  if (typeof query !== 'string') return new Map();
  let doc: DocumentNode;
  try {
    // A bound on the work done here; larger documents go on to Apollo, whose operation limits refuse them.
    doc = parse(query, { noLocation: true, maxTokens: 20_000 });
  } catch {
    return null;
  }
  const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const named = typeof operationName === 'string' ? operations.filter((o) => o.name?.value === operationName) : [];
  // The operation Apollo will run; when that is ambiguous (Apollo will refuse it), all of them.
  const chosen = named.length === 1 ? named : operations;
  const keys = new Map<LimitClass, Set<string>>();
  const visit = (set: SelectionSetNode, seen: Set<string>, scope: string) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const cls = ROOT_FIELD_CLASSES[sel.name.value];
        if (!cls) continue;
        if (!keys.has(cls)) keys.set(cls, new Set());
        keys.get(cls)!.add(`${scope}:${sel.alias?.value ?? sel.name.value}`);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        visit(sel.selectionSet, seen, scope);
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value)) visit(f.selectionSet, new Set([...seen, f.name.value]), scope);
      }
    }
  };
  chosen.forEach((op, i) => visit(op.selectionSet, new Set(), String(i)));
  return new Map([...keys].map(([cls, set]) => [cls, set.size]));
}

export interface GatewayRateLimiterOptions {
  limits?: GatewayRateLimits;
  factory?: LimiterFactory;
  logger?: Logger;
}

type Limiter = ReturnType<LimiterFactory['create']>;

/** Express middleware for the gateway's limits. Mount `general()` early, `graphql()` after the JSON body parser. */
export class GatewayRateLimiter {
  readonly limits: GatewayRateLimits;
  readonly factory: LimiterFactory;
  private readonly logger?: Logger;
  private readonly limiters: Record<keyof GatewayRateLimits, Limiter>;

  constructor(opts: GatewayRateLimiterOptions = {}) {
    this.limits = opts.limits ?? gatewayLimitsFromEnv();
    this.logger = opts.logger;
    this.factory = opts.factory ?? new LimiterFactory({ logger: opts.logger });
    this.limiters = Object.fromEntries(
      (Object.keys(this.limits) as Array<keyof GatewayRateLimits>).map((k) => [k, this.factory.create(`gateway-${k}`, this.limits[k])]),
    ) as Record<keyof GatewayRateLimits, Limiter>;
  }

  private refuse(res: express.Response, refusal: RateLimitRefusal) {
    res.setHeader('retry-after', String(refusal.retryAfterSeconds));
    res.status(429).json(rateLimitedBody(refusal, langOf(res.req)));
  }

  private async consume(limit: keyof GatewayRateLimits, key: string, points = 1) {
    return consumeLimit(this.limiters[limit], limit, key, points, this.logger);
  }

  /** The signed-in subject, from a token whose signature and claims verify; anything else is anonymous. */
  private async subject(req: express.Request): Promise<string | null> {
    try {
      const token = bearerToken(req.headers.authorization);
      return token ? (await verifyStaffToken(token)).id : null;
    } catch {
      return null; // the gateway's context refuses the bad token itself
    }
  }

  /**
   * Every request except /health and /ready: per address and per subject, and `POST /attachments` (uploads)
   * against its class.
   */
  general(): express.RequestHandler {
    return (req, res, next) => {
      if (req.path === '/health' || req.path === '/ready') return next();
      void (async () => {
        const address = addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
        const sub = await this.subject(req);
        const refusal =
          (await this.consume('general', address)) ??
          (sub ? await this.consume('subject', sub) : null) ??
          (req.method === 'POST' && req.originalUrl === '/attachments' ? await this.consume('upload', address) : null);
        if (refusal) this.refuse(res, refusal);
        else next();
      })().catch(next);
    };
  }

  /** GraphQL requests (POST body or GET query string, batched or not): the classes of their root fields. */
  graphql(): express.RequestHandler {
    return (req, res, next) => {
      const body: unknown = req.method === 'GET' ? req.query : req.body;
      const requests = Array.isArray(body) ? body : [body];
      const total = new Map<LimitClass, number>();
      for (const r of requests) {
        if (!r || typeof r !== 'object') continue;
        const { query, operationName } = r as { query?: unknown; operationName?: unknown };
        const classes = classifyGraphQL(query, operationName);
        for (const [cls, n] of classes ?? []) total.set(cls, (total.get(cls) ?? 0) + n);
      }
      if (!total.size) return next();
      void (async () => {
        const address = addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
        for (const [cls, n] of total) {
          const refusal = await this.consume(cls, address, n);
          if (refusal) return this.refuse(res, refusal);
        }
        next();
      })().catch(next);
    };
  }

  close(): Promise<void> {
    return this.factory.close();
  }
}
