import net from 'node:net';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Lang } from '@pantau/contract';
import { AppError, currentLang } from './errors';
import { jsonErrorBody } from './http-errors';
import type { Logger } from './logger';

/**
 * Abuse control shared by the gateway and the agencies service (sign-in), on `rate-limiter-flexible`.
 *
 * - Without `REDIS_URL` every limiter counts in process memory (the embedded demo).
 * - With `REDIS_URL` counts live in Redis (atomic Lua increments), so several instances share them. Each
 *   Redis limiter has an in-memory insurance limiter with the same budget: while Redis is down or slow,
 *   requests are limited per process instead of failing.
 * - Keys are prefixed with `PANTAU_RATE_LIMIT_PREFIX` (default `pantau-rl`), so tests and several
 *   deployments can share one Redis without colliding.
 */

export interface LimitSpec {
  /** Requests (points) allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
  /** Once the budget is exceeded, refuse for this long (default: until the window ends). */
  blockSeconds?: number;
}

export function rateLimitPrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.PANTAU_RATE_LIMIT_PREFIX || 'pantau-rl';
}

/** Reads `<name>` as "points/seconds" (e.g. `PANTAU_RATE_LIMIT_SIGNIN=10/60`); a bare number keeps the default window. */
export function envLimit(name: string, fallback: LimitSpec, env: NodeJS.ProcessEnv = process.env): LimitSpec {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const m = /^(\d+)(?:\s*\/\s*(\d+)\s*s?)?$/.exec(raw);
  if (!m || Number(m[1]) < 1 || (m[2] !== undefined && Number(m[2]) < 1)) {
    throw new Error(`${name} must be "<points>/<seconds>" (e.g. "10/60") or "<points>", got "${raw}"`);
  }
  return { ...fallback, points: Number(m[1]), durationSeconds: m[2] !== undefined ? Number(m[2]) : fallback.durationSeconds };
}

export interface LimiterFactoryOptions {
  /** Redis URL; default `REDIS_URL`. Empty/null: in memory. */
  redisUrl?: string | null;
  /** Key prefix; default `PANTAU_RATE_LIMIT_PREFIX`. */
  prefix?: string;
  logger?: Logger;
  /** Milliseconds a Redis command may take before the insurance limiter answers instead (default 500). */
  redisTimeoutMs?: number;
}

/** Creates limiters on one backend (one Redis connection shared by all of them). */
export class LimiterFactory {
  readonly backend: 'memory' | 'redis';
  readonly prefix: string;
  readonly redis: Redis | null;
  private lastRedisErrorLog = 0;

  constructor(opts: LimiterFactoryOptions = {}) {
    const url = opts.redisUrl === undefined ? process.env.REDIS_URL : opts.redisUrl;
    this.prefix = opts.prefix ?? rateLimitPrefix();
    if (url) {
      this.backend = 'redis';
      this.redis = new Redis(url, {
        // Fail fast while disconnected: the insurance limiter answers instead of queueing requests.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: opts.redisTimeoutMs ?? 500,
        connectTimeout: 2000,
        disconnectTimeout: 200,
        retryStrategy: (times) => Math.min(times * 200, 2000),
        lazyConnect: false,
      });
      this.redis.on('error', (err) => {
        // Reconnection is automatic; log at most every 30 s.
        const now = Date.now();
        if (now - this.lastRedisErrorLog > 30_000) {
          this.lastRedisErrorLog = now;
          opts.logger?.warn({ err: { message: err.message } }, 'rate-limit store (Redis) unavailable; limiting per process');
        }
      });
    } else {
      this.backend = 'memory';
      this.redis = null;
    }
  }

  /** A limiter named `name` (part of the key prefix, so different limits never share counters). */
  create(name: string, spec: LimitSpec): RateLimiterAbstract {
    const base = {
      keyPrefix: `${this.prefix}:${name}`,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
    };
    if (!this.redis) return new RateLimiterMemory(base);
    return new RateLimiterRedis({
      ...base,
      storeClient: this.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(base),
    });
  }

  /** Resolves once Redis is connected (true), or false after `timeoutMs`; always true in memory. */
  async whenReady(timeoutMs = 3000): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return true;
    if (redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      redis.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    if (redis.status !== 'ready') {
      redis.disconnect(); // also stops reconnecting
      return;
    }
    try {
      await Promise.race([redis.quit(), new Promise((_, reject) => setTimeout(reject, 1000).unref())]);
    } catch {
      redis.disconnect();
    }
  }
}

/** A refusal: which limit, and when to come back. */
export interface RateLimitRefusal {
  limit: string;
  retryAfterSeconds: number;
}

export function retryAfterSeconds(res: { msBeforeNext: number }): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Consumes `points` for `key`; returns a refusal when the budget is spent. Errors of the store itself
 * (both Redis and the insurance limiter failing — should not happen) let the request through and are logged:
 * an abuse control must not take the service down.
 */
export async function consumeLimit(
  limiter: RateLimiterAbstract,
  limit: string,
  key: string,
  points = 1,
  logger?: Logger,
): Promise<RateLimitRefusal | null> {
  try {
    await limiter.consume(key, points);
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return { limit, retryAfterSeconds: retryAfterSeconds(err) };
    logger?.error({ err, limit }, 'rate limiter failed; request let through');
    return null;
  }
}

/**
 * The GraphQL error for a refusal (a field error in a subgraph; pass `httpStatus` 429 for request-level
 * ones). `key` names a more specific message (e.g. RATE_LIMITED.SIGN_IN).
 */
export function rateLimitedError(refusal: RateLimitRefusal, key: 'RATE_LIMITED' | 'RATE_LIMITED.SIGN_IN' = 'RATE_LIMITED', httpStatus?: number) {
  const params = { retryAfterSeconds: refusal.retryAfterSeconds, limit: refusal.limit };
  return key === 'RATE_LIMITED.SIGN_IN'
    ? new AppError(key, { ...params, retryAfterMinutes: Math.ceil(refusal.retryAfterSeconds / 60) }, { httpStatus })
    : new AppError(key, params, { httpStatus });
}

/** The JSON body of an HTTP 429 (send with a `Retry-After` header of the same number of seconds). */
export function rateLimitedBody(refusal: RateLimitRefusal, lang: Lang = currentLang()) {
  return jsonErrorBody('RATE_LIMITED', { retryAfterSeconds: refusal.retryAfterSeconds, limit: refusal.limit }, lang);
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; anything that is not an IP address → null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return net.isIP(a) ? a.toLowerCase() : null;
}

/**
 * The key a client address is counted under: the IPv4 address itself, or the /64 network of an IPv6
 * address (one subscriber usually holds a whole /64, so counting single IPv6 addresses would let one
 * client rotate through billions of them).
 */
export function addressKey(address: string): string {
  const a = normaliseAddress(address);
  if (!a) return `other:${address}`;
  if (net.isIPv4(a)) return a;
  // Expand "::" and keep the first four groups.
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  if (t.length && t[t.length - 1].includes('.')) t.splice(t.length - 1, 1, '0', '0'); // embedded IPv4 tail
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** True when a Redis server answers PING at `url` within `timeoutMs` (tests use it to decide what to run). */
export async function pingRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * When a response's errors include RATE_LIMITED with `retryAfterSeconds` and no data came back (data null,
 * absent, or every root field null: the whole operation was refused), the seconds to wait (the largest
 * hint); otherwise null. Partial answers stay HTTP 200 so the fields that did resolve still reach the client.
 */
export function wholeOperationRetryAfter(result: {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> | null;
}): number | null {
  let retryAfter: number | null = null;
  for (const e of result.errors ?? []) {
    const s = e.extensions?.retryAfterSeconds;
    if (e.extensions?.code === 'RATE_LIMITED' && typeof s === 'number' && Number.isFinite(s)) retryAfter = Math.max(retryAfter ?? 1, Math.ceil(s));
  }
  if (retryAfter === null) return null;
  const data = result.data;
  const noData = data === null || data === undefined || Object.values(data).every((v) => v === null);
  return noData ? retryAfter : null;
}

/**
 * Apollo plugin (gateway and every subgraph): an operation refused as a whole by a rate limit answers
 * HTTP 429 with `Retry-After`, like every other rate-limit refusal, instead of HTTP 200 with a field error.
 * The gateway sees a subgraph's refusal as field errors that keep `code` and `retryAfterSeconds`.
 */
export function rateLimitStatusPlugin(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          const retryAfter = wholeOperationRetryAfter(response.body.singleResult);
          if (retryAfter === null) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
