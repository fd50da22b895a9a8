import crypto from 'node:crypto';
import express from 'express';
import { consumeLimit, envLimit, addressKey, errorExtensions, langOf, type LimiterFactory, type LimitSpec, type Logger } from '@pantau/common';
import { Classification, formatError, MAX_LIST_ARGUMENT, TEXT_LIMITS, type ErrorKey, type ErrorKeyParams } from '@pantau/contract';
import {
  composeBody,
  open311Status,
  parseBody,
  parseBooleanAttribute,
  REGION_CODE,
  serviceDefinition,
  serviceNotice,
  serviceOf,
  statusesFor,
  titleFrom,
  withinJurisdiction,
  type ReportStatus,
  type Road,
  type Topic,
} from './domain';
import { parseW3cDate, send, sendErrors, toXml, w3cDate, type Format } from './format';
import { run, UpstreamError, type ExecutionContext, type GraphQLExecutor } from './graphql';

export interface ApiClientInfo {
  id: string;
  name: string;
}

export interface Open311Options {
  /** Runs operations on the gateway's supergraph as a signed-out client. */
  execute: GraphQLExecutor;
  /** The active client application holding this API key, or null. */
  verifyApiKey(key: string): Promise<ApiClientInfo | null>;
  limiterFactory: LimiterFactory;
  logger?: Logger;
  /** jurisdiction_id when a client sends none (PANTAU_OPEN311_JURISDICTION, default 64.02 = Kutai Kartanegara). */
  defaultJurisdiction?: string;
  /** At most this many requests in one GET requests answer (PANTAU_OPEN311_MAX_REQUESTS, default 1000). */
  maxRequests?: number;
  /** Per-key submission limit (PANTAU_RATE_LIMIT_OPEN311_KEY, default 300 per 600 s). */
  keyLimit?: LimitSpec;
  /** Token (tracking ID) look-ups per client address (PANTAU_RATE_LIMIT_TRACKING, default 60 per 300 s, as for reportByTrackingId). */
  trackingLimit?: LimitSpec;
  /** Contact shown in the discovery document (PANTAU_OPEN311_CONTACT). */
  contact?: string;
}

export const OPEN311_SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_CHANGESET = '2026-03-01T00:00:00+08:00';

const TOPICS = 'query Open311Topics { topics { code labelId labelEn asset } }';
const ROADS = 'query Open311Roads($rc: String) { roads(regionCode: $rc, first: 100) { edges { node { id name status } } } }';
const REGION = 'query Open311Region($code: String!) { region(code: $code) { code name } }';
const SUBMIT = 'mutation Open311Submit($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId status } } }';
const TOKEN = 'query Open311Token($t: String!) { reportByTrackingId(trackingId: $t) { id } }';
const REQUEST_FIELDS = `id body topic status submittedAt updatedAt verificationDueAt completionDueAt regionCode
  region { name } agency { name } responses { body createdAt } attachments { url }`;
const LIST = `query Open311Requests($filter: PublicReportFilter, $first: Int, $after: String) {
  publicReports(filter: $filter, first: $first, after: $after) { edges { node { ${REQUEST_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;

interface PublicReport {
  id: string;
  body: string | null;
  topic: string;
  status: ReportStatus;
  submittedAt: string;
  updatedAt: string;
  verificationDueAt: string | null;
  completionDueAt: string | null;
  regionCode: string;
  region: { name: string } | null;
  agency: { name: string } | null;
  responses: Array<{ body: string | null; createdAt: string }>;
  attachments: Array<{ url: string }>;
}

/** Longest address_string and media_url accepted. */
const MAX_ADDRESS = 300;
const MAX_MEDIA_URL = 500;
const CLASSIFICATIONS = Object.values(Classification) as string[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refused request: its HTTP status and a catalogue key with parameters (described in the request's language). */
class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly params: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(key);
  }
}

const fail = <K extends ErrorKey>(status: number, key: K, params: ErrorKeyParams<K>) => new ClientError(status, key, params as Record<string, unknown>);

/** The Open311 error description of a catalogue key in the request's language. */
const describe = (req: express.Request, key: ErrorKey, params: Record<string, unknown> = {}) => formatError(langOf(req), errorExtensions(key, params as never));

/** The GeoReport v2 service request of a public report. */
export function serviceRequestOf(r: PublicReport, topics: Map<string, Topic>, origin: string) {
  const parsed = parseBody(r.body);
  const latest = [...r.responses].filter((x) => x.body).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const attachment = r.attachments[0]?.url;
  return {
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: latest?.body ?? null,
    service_name: topics.get(r.topic)?.labelId ?? r.topic,
    service_code: r.topic,
    description: parsed.description,
    agency_responsible: r.agency?.name ?? null,
    service_notice: serviceNotice(r.status),
    requested_datetime: w3cDate(r.submittedAt),
    updated_datetime: w3cDate(r.updatedAt),
    expected_datetime: w3cDate(r.completionDueAt ?? (r.status === 'SUBMITTED' ? r.verificationDueAt : null)),
    address: parsed.address ?? r.region?.name ?? null,
    address_id: r.regionCode,
    zipcode: null,
    lat: parsed.lat,
    long: parsed.long,
    media_url: attachment ? new URL(attachment, origin).toString() : parsed.mediaUrl,
  };
}

function publicOrigin(req: express.Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

/**
 * The Open311 GeoReport v2 router, mounted by the gateway at `/open311`: `GET /discovery.{json,xml}` and the six
 * methods under `/v2/`. Every answer is JSON or XML by the path's suffix; errors in the spec's format.
 */
export function open311Router(opts: Open311Options): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const defaultJurisdiction = opts.defaultJurisdiction ?? process.env.PANTAU_OPEN311_JURISDICTION ?? '64.02';
  const maxRequests = opts.maxRequests ?? Number(process.env.PANTAU_OPEN311_MAX_REQUESTS || 1000);
  const keyLimiter = opts.limiterFactory.create('open311-key', opts.keyLimit ?? envLimit('PANTAU_RATE_LIMIT_OPEN311_KEY', { points: 300, durationSeconds: 600 }));
  const trackingLimiter = opts.limiterFactory.create(
    'open311-tracking',
    opts.trackingLimit ?? envLimit('PANTAU_RATE_LIMIT_TRACKING', { points: 60, durationSeconds: 300 }),
  );
  const urlencoded = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 });

  const ctxOf = (req: express.Request): ExecutionContext => ({ clientIp: req.ip, acceptLanguage: req.headers['accept-language'] });

  const topicsOf = async (req: express.Request) => {
    const data = await run<{ topics: Topic[] }>(opts.execute, TOPICS, {}, ctxOf(req));
    return new Map(data.topics.map((t) => [t.code, t]));
  };

  const param = (req: express.Request, name: string): string | undefined => {
    const fromBody = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[name] : undefined;
    const v = fromBody ?? (req.query as Record<string, unknown>)[name];
    if (Array.isArray(v)) throw fail(400, 'BAD_USER_INPUT.REPEATED_PARAMETER', { field: name });
    return typeof v === 'string' ? v : undefined;
  };

  const checkJurisdiction = async (req: express.Request): Promise<string> => {
    const j = (param(req, 'jurisdiction_id') ?? '').trim() || defaultJurisdiction;
    if (!REGION_CODE.test(j)) {
      throw fail(404, 'NOT_FOUND.JURISDICTION', { jurisdictionId: j.slice(0, 40) });
    }
    const data = await run<{ region: { code: string } | null }>(opts.execute, REGION, { code: j }, ctxOf(req));
    if (!data.region) throw fail(404, 'NOT_FOUND.JURISDICTION', { jurisdictionId: j });
    return j;
  };

  const handlers: Record<string, (req: express.Request, res: express.Response, format: Format, arg?: string) => Promise<void>> = {
    async 'GET services'(req, res, format) {
      await checkJurisdiction(req);
      const services = [...(await topicsOf(req)).values()].map(serviceOf);
      send(res, format, 200, services, () => toXml('services', 'service', services));
    },

    async 'GET service'(req, res, format, code) {
      const jurisdiction = await checkJurisdiction(req);
      const topic = (await topicsOf(req)).get(code!);
      if (!topic) throw fail(404, 'NOT_FOUND.SERVICE_CODE', { serviceCode: code!.slice(0, 40) });
      const roads = topic.asset
        ? (await run<{ roads: { edges: Array<{ node: Road }> } }>(opts.execute, ROADS, { rc: jurisdiction }, ctxOf(req))).roads.edges.map((e) => e.node)
        : [];
      const def = serviceDefinition(topic, roads);
      send(res, format, 200, def, () => toXml('service_definition', null, def, { attributes: 'attribute', values: 'value' }));
    },

    async 'POST requests'(req, res, format) {
      const apiKey = param(req, 'api_key');
      const client = apiKey ? await opts.verifyApiKey(apiKey) : null;
      if (!client) throw fail(403, 'FORBIDDEN.INVALID_API_KEY', {});
      const refusal = await consumeLimit(keyLimiter, 'open311Key', client.id, 1, opts.logger);
      if (refusal) {
        throw new ClientError(429, 'RATE_LIMITED', { retryAfterSeconds: refusal.retryAfterSeconds, limit: refusal.limit }, refusal.retryAfterSeconds);
      }
      const serviceCode = param(req, 'service_code')?.trim();
      if (!serviceCode) throw fail(400, 'BAD_USER_INPUT.REQUIRED', { field: 'service_code' });
      const jurisdiction = await checkJurisdiction(req);
      const topic = (await topicsOf(req)).get(serviceCode);
      if (!topic) throw fail(400, 'BAD_USER_INPUT.UNKNOWN_SERVICE_CODE', { field: 'service_code', serviceCode: serviceCode.slice(0, 40) });

      const latRaw = param(req, 'lat')?.trim() || undefined;
      const longRaw = param(req, 'long')?.trim() || undefined;
      const address = param(req, 'address_string')?.trim() || undefined;
      const addressId = param(req, 'address_id')?.trim() || undefined;
      let lat: number | undefined;
      let long: number | undefined;
      if (latRaw !== undefined || longRaw !== undefined) {
        lat = Number(latRaw);
        long = Number(longRaw);
        if (latRaw === undefined || longRaw === undefined || !Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) {
          throw fail(400, 'BAD_USER_INPUT.INVALID_COORDINATES', {});
        }
      }
      if (lat === undefined && !address && !addressId) {
        throw fail(400, 'BAD_USER_INPUT.LOCATION_REQUIRED', {});
      }
      if (address && address.length > MAX_ADDRESS) throw fail(400, 'BAD_USER_INPUT.TOO_LONG', { field: 'address_string', max: MAX_ADDRESS });

      const attr = (code: string) => param(req, `attribute[${code}]`);
      // address_id is a Kemendagri code (what GET requests answers as address_id); attribute[region_code] too
      let regionCode = attr('region_code')?.trim() || (addressId && REGION_CODE.test(addressId) ? addressId : undefined) || jurisdiction;
      if (!REGION_CODE.test(regionCode) || !withinJurisdiction(regionCode, jurisdiction)) {
        throw fail(400, 'BAD_USER_INPUT.REGION_OUTSIDE_JURISDICTION', { field: 'attribute[region_code]', jurisdictionId: jurisdiction });
      }
      regionCode = regionCode.trim();
      const flags: Record<string, boolean | undefined> = {};
      for (const name of ['anonymous', 'confidential']) {
        const v = parseBooleanAttribute(attr(name));
        if (v === null) throw fail(400, 'BAD_USER_INPUT.NOT_BOOLEAN', { field: `attribute[${name}]` });
        flags[name] = v;
      }
      const classification = attr('classification')?.trim() || undefined;
      if (classification && !(CLASSIFICATIONS as string[]).includes(classification)) {
        throw fail(400, 'BAD_USER_INPUT.NOT_ONE_OF', { field: 'attribute[classification]', allowed: CLASSIFICATIONS });
      }
      const roadId = attr('road_id')?.trim() || undefined;
      if (roadId && !topic.asset) throw fail(400, 'BAD_USER_INPUT.ROAD_NOT_APPLICABLE', { field: 'attribute[road_id]', topic: topic.code });
      const mediaUrl = param(req, 'media_url')?.trim() || undefined;
      if (mediaUrl) {
        let ok = false;
        try {
          const u = new URL(mediaUrl);
          ok = (u.protocol === 'https:' || u.protocol === 'http:') && mediaUrl.length <= MAX_MEDIA_URL && !/\s/.test(mediaUrl);
        } catch {
          ok = false;
        }
        if (!ok) throw fail(400, 'BAD_USER_INPUT.INVALID_URL', { field: 'media_url', max: MAX_MEDIA_URL });
      }
      const description = param(req, 'description') ?? '';
      // the intake rule for a report's body (20-5000 characters), applied to the description alone so the
      // location lines the adapter appends cannot make up for a missing description
      if (description.trim().length < TEXT_LIMITS.body.min) {
        throw fail(400, 'BAD_USER_INPUT.TOO_SHORT', { field: 'description', min: TEXT_LIMITS.body.min, max: TEXT_LIMITS.body.max });
      }
      const name = [param(req, 'first_name'), param(req, 'last_name')].map((s) => s?.trim()).filter(Boolean).join(' ');
      const email = param(req, 'email')?.trim() || undefined;
      const phone = param(req, 'phone')?.trim() || undefined;
      const input: Record<string, unknown> = {
        title: attr('title')?.trim() || titleFrom(description, topic.labelId),
        body: composeBody(description, { lat, long, address }, mediaUrl),
        topic: topic.code,
        regionCode,
        ...(classification ? { classification } : {}),
        ...(roadId ? { roadId } : {}),
        ...(name || email || phone ? { reporter: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } } : {}),
        anonymous: flags.anonymous ?? false,
        confidential: flags.confidential ?? false,
      };
      const data = await run<{ submitReport: { report: { id: string; trackingId: string; status: ReportStatus } } }>(opts.execute, SUBMIT, { input }, ctxOf(req));
      const report = data.submitReport.report;
      opts.logger?.info({ client: client.id, report: report.id }, 'open311 request submitted');
      const notice = `${serviceNotice(report.status)} Kode pelacakan (simpan, rahasia): ${report.trackingId}.`;
      const out = [{ service_request_id: report.id, token: report.trackingId, service_notice: notice, account_id: null }];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    },

    async 'GET requests'(req, res, format) {
      const topics = await topicsOf(req);
      const origin = publicOrigin(req);
      const idsRaw = param(req, 'service_request_id');
      let filter: Record<string, unknown>;
      if (idsRaw !== undefined) {
        // the spec: with service_request_id every other parameter is ignored
        const ids = idsRaw.split(',').map((s) => s.trim()).filter(Boolean);
        if (ids.length > MAX_LIST_ARGUMENT) throw fail(400, 'BAD_USER_INPUT.TOO_MANY_ITEMS', { field: 'service_request_id', max: MAX_LIST_ARGUMENT, found: ids.length });
        filter = { ids: ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()) };
      } else {
        filter = {};
        const codes = param(req, 'service_code');
        if (codes !== undefined) {
          const list = codes.split(',').map((s) => s.trim()).filter(Boolean);
          if (list.length > MAX_LIST_ARGUMENT) throw fail(400, 'BAD_USER_INPUT.TOO_MANY_ITEMS', { field: 'service_code', max: MAX_LIST_ARGUMENT, found: list.length });
          filter.topics = list.filter((c) => /^[A-Za-z0-9_]{1,40}$/.test(c));
          if (!(filter.topics as string[]).length) filter.ids = [];
        }
        const status = param(req, 'status');
        if (status !== undefined) {
          const s = statusesFor(status);
          if (!s) throw fail(400, 'BAD_USER_INPUT.NOT_ONE_OF', { field: 'status', allowed: ['open', 'closed'] });
          filter.status = s;
        }
        const startRaw = param(req, 'start_date');
        const endRaw = param(req, 'end_date');
        const start = startRaw !== undefined ? parseW3cDate(startRaw.trim()) : undefined;
        const end = endRaw !== undefined ? parseW3cDate(endRaw.trim()) : undefined;
        if (start === null || end === null) {
          const field = start === null ? 'start_date' : 'end_date';
          throw fail(400, 'BAD_USER_INPUT.INVALID_DATETIME', { field, received: JSON.stringify(String((field === 'start_date' ? startRaw : endRaw) ?? '').slice(0, 37)) });
        }
        if (start && end && start > end) throw fail(400, 'BAD_USER_INPUT.START_AFTER_END', {});
        // the spec's default window: the last 90 days (before end_date when only that is given)
        const to = end ? new Date(end.getTime() + 1) : undefined;
        const from = start ?? (!end ? new Date(Date.now() - 90 * 86_400_000) : new Date(end.getTime() - 90 * 86_400_000));
        filter.from = from.toISOString();
        if (to) filter.to = to.toISOString();
      }
      const out: ReturnType<typeof serviceRequestOf>[] = [];
      let after: string | null = null;
      while (out.length < maxRequests) {
        const first = Math.min(50, maxRequests - out.length);
        const data: { publicReports: { edges: Array<{ node: PublicReport }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null } =
          await run(opts.execute, LIST, { filter, first, after }, ctxOf(req));
        const page = data.publicReports!;
        for (const e of page.edges) out.push(serviceRequestOf(e.node, topics, origin));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    },

    async 'GET request'(req, res, format, id) {
      if (!UUID.test(id!)) throw fail(404, 'NOT_FOUND.SERVICE_REQUEST', {});
      const topics = await topicsOf(req);
      const data = await run<{ publicReports: { edges: Array<{ node: PublicReport }> } | null }>(opts.execute, LIST, { filter: { ids: [id!.toLowerCase()] }, first: 1 }, ctxOf(req));
      const node = data.publicReports?.edges[0]?.node;
      if (!node) throw fail(404, 'NOT_FOUND.SERVICE_REQUEST', {});
      const out = [serviceRequestOf(node, topics, publicOrigin(req))];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    },

    async 'GET token'(req, res, format, token) {
      const refusal = await consumeLimit(trackingLimiter, 'reportByTrackingId', addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown'), 1, opts.logger);
      if (refusal) {
        throw new ClientError(429, 'RATE_LIMITED', { retryAfterSeconds: refusal.retryAfterSeconds, limit: refusal.limit }, refusal.retryAfterSeconds);
      }
      let id: string | null = null;
      if (/^[A-Za-z0-9*~$=-]{4,40}$/.test(token!)) {
        try {
          id = (await run<{ reportByTrackingId: { id: string } | null }>(opts.execute, TOKEN, { t: token }, ctxOf(req))).reportByTrackingId?.id ?? null;
        } catch (err) {
          if (!(err instanceof UpstreamError) || err.status !== 400) throw err;
        }
      }
      if (!id) throw fail(404, 'NOT_FOUND.TRACKING_ID', {});
      const out = [{ service_request_id: id, token: token! }];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    },
  };

  const discovery = (req: express.Request) => {
    const base = `${publicOrigin(req)}/open311/v2`;
    return {
      changeset: OPEN311_CHANGESET,
      contact: opts.contact ?? process.env.PANTAU_OPEN311_CONTACT ?? 'Admin Pantau (Diskominfo)',
      key_service: `${publicOrigin(req)}/open311/ — api_key diterbitkan oleh admin Pantau (mutation issueApiClient)`,
      endpoints: [{ specification: OPEN311_SPEC_URL, url: base, changeset: OPEN311_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
    };
  };

  router.use((req, res) => {
    const raw = req.path;
    const m = /^\/(discovery|v2\/(services|requests|tokens)(?:\/([^/]+))?)\.(json|xml)$/.exec(raw);
    const format: Format = /\.xml$/.test(raw) ? 'xml' : 'json';
    const reply = (err: unknown) => {
      if (err instanceof ClientError) return sendErrors(res, format, err.status, [describe(req, err.key, err.params)], err.retryAfterSeconds);
      if (err instanceof UpstreamError) return sendErrors(res, format, err.status, [describe(req, err.key as ErrorKey, err.params)], err.retryAfterSeconds);
      const status = (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        // body parser: malformed or too large
        return sendErrors(res, format, status, [describe(req, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT.MALFORMED_REQUEST')]);
      }
      opts.logger?.error({ err }, 'open311 request failed');
      sendErrors(res, format, 500, [describe(req, 'INTERNAL_SERVER_ERROR')]);
    };
    if (!m) return sendErrors(res, format, 404, [describe(req, 'NOT_FOUND.OPEN311_METHOD')]);
    let key: string;
    let arg: string | undefined;
    if (m[1] === 'discovery') key = `${req.method} discovery`;
    else {
      const kind = m[2];
      arg = m[3] !== undefined ? decodeURIComponent(m[3]) : undefined;
      key = `${req.method === 'HEAD' ? 'GET' : req.method} ${arg === undefined ? kind : kind.replace(/s$/, '')}`;
    }
    if (key === 'GET discovery' || key === 'HEAD discovery') {
      const d = discovery(req);
      return send(res, format, 200, d, () => toXml('discovery', null, d, { endpoints: 'endpoint', formats: 'format' }));
    }
    const handler = handlers[key];
    if (!handler) {
      const allowed = Object.keys(handlers).filter((k) => k.endsWith(` ${key.split(' ')[1]}`)).map((k) => k.split(' ')[0]);
      res.setHeader('allow', (allowed.length ? allowed : ['GET']).join(', '));
      return sendErrors(res, format, 405, [describe(req, 'BAD_USER_INPUT.METHOD_NOT_ALLOWED', { method: req.method })]);
    }
    const go = () => handler(req, res, format, arg).catch(reply);
    if (req.method === 'POST') {
      if (!req.is('application/x-www-form-urlencoded')) {
        return sendErrors(res, format, 400, [describe(req, 'UNSUPPORTED_MEDIA_TYPE.FORM_REQUIRED')]);
      }
      return urlencoded(req, res, (err?: unknown) => (err ? reply(err) : void go()));
    }
    void go();
  });
  return router;
}

/** Looks API keys up in the agencies service by their SHA-256 (the key itself never leaves the gateway). */
export function agenciesKeyVerifier(agenciesOrigin: string, headers: () => Promise<Record<string, string>>, logger?: Logger) {
  return async (key: string): Promise<ApiClientInfo | null> => {
    if (!/^p311_[A-Za-z0-9_-]{43}$/.test(key)) return null;
    const hash = crypto.createHash('sha256').update(key, 'utf8').digest('hex');
    const res = await fetch(new URL(`/internal/api-clients/by-key-hash/${hash}`, agenciesOrigin), {
      headers: await headers(),
      signal: AbortSignal.timeout(5000),
    }).catch((err: Error) => {
      logger?.warn({ err: err.message }, 'API key lookup failed');
      throw new UpstreamError(503, 'SUBGRAPH_UNAVAILABLE', { service: 'agencies' });
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new UpstreamError(503, 'SUBGRAPH_UNAVAILABLE', { service: 'agencies' });
    const body = (await res.json()) as ApiClientInfo;
    return { id: String(body.id), name: String(body.name) };
  };
}
