/**
 * Support for the hostile corpus (gateway/hostile/*.json, run by hostile-corpus.test.ts): the case format,
 * the macro language of the data files, raw HTTP (unnormalised paths, any method, aborted bodies), token
 * forgery, store snapshots and the checks every case gets whatever it expects.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT, base64url } from 'jose';

// ---------------------------------------------------------------------------------------------- the format

export type Target = 'gateway' | 'agencies' | 'reports' | 'analytics';

/** The service credential sent on a direct subgraph call. */
export type Credential = 'valid' | 'none' | 'forged' | 'staff' | 'expired' | 'wrong-audience' | 'staff-key' | 'bearer-only' | 'garbage';

/** Special (not signed-in) tokens the runner builds for `Authorization: Bearer`. */
export type SpecialToken =
  | 'forged-key'
  | 'alg-none'
  | 'expired'
  | 'no-exp'
  | 'no-iat'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'nonexistent-user'
  | 'role-tampered'
  | 'version-tampered'
  | 'service-credential'
  | 'future-iat'
  | 'garbage'
  | 'empty'
  | 'basic-auth'
  | 'huge';

export interface Multipart {
  /** Part name (default "file"). */
  field?: string;
  filename?: string;
  contentType?: string;
  /** Exactly one source of content. */
  base64?: string;
  fixture?: string;
  text?: string;
  /** A PDF of exactly this many bytes: a number, "limit", "limit+1", "limit-1". */
  pdfBytes?: number | string;
  /** An MP4 of exactly this many bytes (same forms); stored with its size unchanged. */
  mp4Bytes?: number | string;
  /** Extra parts before the file. */
  fields?: Record<string, string>;
  /** Leave the closing boundary off. */
  unterminated?: boolean;
}

export interface RequestSpec {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** GraphQL over POST JSON. */
  query?: string;
  variables?: unknown;
  operationName?: string | null;
  /** Any JSON body (batches, odd shapes). */
  json?: unknown;
  /** A raw body (UTF-8) or raw bytes. */
  raw?: string;
  rawBase64?: string;
  /** A generated body of `size` bytes: prefix + fill… + suffix. */
  generated?: { size: number | string; prefix?: string; fill?: string; suffix?: string };
  /** GraphQL over GET: query string parameters built by the runner. */
  get?: { query?: string; variables?: unknown; operationName?: string };
  multipart?: Multipart;
  /** Send the headers and this many body bytes, then destroy the socket. */
  abortAfterBytes?: number;
  /** Content-Type to send (default application/json for query/json bodies). `null` sends none. */
  contentType?: string | null;
  /** A real signed-in token of a demo account ("ADMIN", "LIAISON", …: see ROLE_ACCOUNTS). */
  as?: string;
  token?: SpecialToken;
  /** Direct subgraph calls: the service credential (default "valid"). */
  credential?: Credential;
  /** Client address label: steps with the same label share an address; default: the case's own. */
  ip?: string;
  timeoutMs?: number;
}

/** Matchers usable anywhere inside `body`/`data` expectations. */
export type Matcher =
  | { $match: string }
  | { $notMatch: string }
  | { $type: string }
  | { $absent: true }
  | { $present: true }
  | { $lte: number }
  | { $gte: number }
  | { $oneOf: unknown[] };

export interface Expectation {
  /** HTTP status, or the allowed statuses. */
  status?: number | number[];
  /** errors[0].extensions.code (or one of them). */
  code?: string | string[];
  /** Every error must carry this code. */
  allCodes?: string;
  /** Subset of errors[0].extensions. */
  extensions?: Record<string, unknown>;
  /** `null`: data null or absent; an object: subset of data. */
  data?: unknown;
  /** Subset of the parsed JSON body. */
  body?: unknown;
  /** No `errors` at all (a legitimately served case). */
  ok?: boolean;
  /** Header subset (lower-case names). */
  headers?: Record<string, unknown>;
  /** Strings that must not occur in the body nor in the headers (identifying data, metadata). */
  notContains?: string[];
  /** Byte sequences (base64) that must not occur in the body. */
  notContainsBase64?: string[];
  /** The client aborted: no response is expected, the server must release what it held. */
  aborted?: boolean;
  /** Parallel/repeated steps: per outcome ("OK" or a code) an exact count or "<=n" / ">=n". */
  counts?: Record<string, number | string>;
  /** The response may be an HTML page (the dashboard's own routes only). */
  htmlAllowed?: boolean;
  /** The answer (refusal or not) must come within this many milliseconds. */
  maxMs?: number;
  /** Check that no partial upload file or descriptor is left behind (implied by `aborted`). */
  leftovers?: boolean;
  /** Alternatives: the case passes when any of them holds (e.g. BAD_USER_INPUT, or an empty result). */
  anyOf?: Expectation[];
}

export interface Step {
  request: RequestSpec;
  expect: Expectation;
  /** Send this step N times in sequence ($i = 0…N-1 in its strings); `expect` applies to each unless `counts`. */
  repeat?: number;
  /** Send this step N times at once ($i = 0…N-1); use `counts`. */
  parallel?: number;
  /** Which repetitions `expect` (without counts) applies to: e.g. "last". */
  expectOn?: 'each' | 'last';
  /** Pause before the step. */
  delayMs?: number;
  /** Keep values of the JSON body for later steps: name → dotted path (used as <<fx:var.name>>). */
  save?: Record<string, string>;
}

export interface HostileCase {
  id: string;
  title: string;
  target: Target;
  request?: RequestSpec;
  expect?: Expectation;
  steps?: Step[];
  /** Rate-limit cases: send no X-Forwarded-For (the loopback address itself is the client). */
  noForwardedFor?: boolean;
}

export interface Category {
  category: string;
  description: string;
  /** The stores must be unchanged after the category, except these tables ("service.table" or "service.*"):
   * a number is the exact row-count change, "any" allows any change. */
  allowWrites?: Record<string, number | 'any'>;
  cases: HostileCase[];
}

export function loadCorpus(dir: string): Category[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const cat = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Category;
      if (!cat.category || !Array.isArray(cat.cases)) throw new Error(`${f}: not a corpus category`);
      const ids = new Set<string>();
      for (const c of cat.cases) {
        if (ids.has(c.id)) throw new Error(`${f}: duplicate case id ${c.id}`);
        ids.add(c.id);
        if (!c.steps && !(c.request && c.expect)) throw new Error(`${f}: case ${c.id} has neither steps nor request+expect`);
      }
      return cat;
    });
}

export function stepsOf(c: HostileCase): Step[] {
  return c.steps ?? [{ request: c.request!, expect: c.expect! }];
}

// ---------------------------------------------------------------------------------------------- macros

/**
 * Strings in the data files may contain macros, innermost first:
 * `<<repeat N|text>>` (text N times, `$j` = 0…N-1 inside), `<<b64|text>>` (base64url of text),
 * `<<fx:name>>` (a fixture made at start: ids, tracking IDs, emails; `fx:list.3` indexes a list),
 * `<<u:XXXX>>` (the UTF-16 code unit U+XXXX, also lone surrogates), `<<urlencode|text>>`, `<<i>>` (the
 * repetition number of a repeated or parallel step).
 */
export function expandString(s: string, fixtures: Record<string, unknown>, i = 0): string {
  let out = s;
  const re = /<<([^<>]*)>>/;
  for (let guard = 0; guard < 10000 && re.test(out); guard++) {
    out = out.replace(re, (_m, body: string) => {
      const bar = body.indexOf('|');
      const head = bar < 0 ? body : body.slice(0, bar);
      const arg = bar < 0 ? '' : body.slice(bar + 1);
      if (head.startsWith('repeat ')) {
        const n = Number(head.slice(7).trim());
        if (!Number.isInteger(n) || n < 0) throw new Error(`bad repeat count in ${body}`);
        if (!arg.includes('$j')) return arg.repeat(n);
        let acc = '';
        for (let j = 0; j < n; j++) acc += arg.replace(/\$j/g, String(j));
        return acc;
      }
      if (head === 'i') return String(i);
      if (head === 'b64') return Buffer.from(arg, 'utf8').toString('base64url');
      if (head === 'urlencode') return encodeURIComponent(arg);
      if (head.startsWith('u:')) return String.fromCharCode(parseInt(head.slice(2), 16));
      if (head.startsWith('fx:')) {
        const v = head
          .slice(3)
          .split('.')
          .reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), fixtures);
        if (v === undefined) throw new Error(`unknown fixture ${head}`);
        return String(v);
      }
      throw new Error(`unknown macro <<${body}>>`);
    });
  }
  return out;
}

export function expand<T>(value: T, fixtures: Record<string, unknown>, i = 0): T {
  if (typeof value === 'string') return (value.includes('<<') ? expandString(value, fixtures, i) : value) as T;
  if (Array.isArray(value)) return value.map((v) => expand(v, fixtures, i)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [expand(k, fixtures, i), expand(v, fixtures, i)])) as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------- raw HTTP

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json?: any;
  ms: number;
  /** Set when the client aborted on purpose (no response read). */
  aborted?: boolean;
  /** Transport failure (connection reset, timeout). */
  error?: string;
}

export function rawRequest(opts: {
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  abortAfterBytes?: number;
  timeoutMs?: number;
}): Promise<HttpResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<HttpResult, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, ms: elapsed() });
    };
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body && opts.abortAfterBytes === undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
      headers['content-length'] = String(opts.body.length);
    }
    const req = http.request({ host: '127.0.0.1', port: opts.port, method: opts.method, path: opts.path, headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      done({ status: 0, headers: {}, body: Buffer.alloc(0), text: '', error: `no answer in ${opts.timeoutMs ?? 20000} ms` });
    }, opts.timeoutMs ?? 20000);
    let gotResponse = false;
    req.on('response', (res) => {
      gotResponse = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        let json: unknown;
        if (/json/i.test(String(res.headers['content-type'] ?? ''))) {
          try {
            json = JSON.parse(text);
          } catch {
            /* checked by the caller */
          }
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
      });
      res.on('error', (err) => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), text: '', error: err.message }));
    });
    req.on('error', (err) => {
      if (gotResponse) return; // the server answered early and closed while the body was still going out
      if (opts.abortAfterBytes !== undefined) done({ status: 0, headers: {}, body: Buffer.alloc(0), text: '', aborted: true });
      else done({ status: 0, headers: {}, body: Buffer.alloc(0), text: '', error: err.message });
    });
    if (opts.abortAfterBytes !== undefined) {
      const part = (opts.body ?? Buffer.alloc(0)).subarray(0, opts.abortAfterBytes);
      req.flushHeaders();
      req.write(part, () => {
        setTimeout(() => {
          req.destroy();
          done({ status: 0, headers: {}, body: Buffer.alloc(0), text: '', aborted: true });
        }, 150);
      });
      return;
    }
    const body = opts.body ?? Buffer.alloc(0);
    if (body.length <= 1024 * 1024) {
      req.end(body);
      return;
    }
    // A large body goes in chunks, and stops once the server has answered (an early 413), as a browser does.
    let answered = false;
    req.once('response', () => (answered = true));
    void (async () => {
      for (let off = 0; off < body.length && !answered && !req.destroyed; off += 64 * 1024) {
        if (!req.write(body.subarray(off, off + 64 * 1024))) {
          await new Promise<void>((r) => {
            req.once('drain', () => r());
            req.once('response', () => r());
            req.once('close', () => r());
          });
        }
      }
      if (!req.destroyed) req.end();
    })();
  });
}

// ---------------------------------------------------------------------------------------------- bodies

/**
 * A well-formed one-page PDF of exactly `size` bytes (the padding is inside its content stream, so files of
 * different sizes stay different after the reports service writes them afresh without metadata).
 */
export function pdfOfSize(size: number): Buffer {
  const make = (pad: number) => {
    const content = `BT /F1 12 Tf 40 780 Td (hostile corpus) Tj ET\n${' '.repeat(pad)}`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let out = '%PDF-1.4\n';
    const offsets = objects.map((o, i) => {
      const at = out.length;
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return at;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  };
  let pad = size - make(0).length;
  for (let i = 0; i < 5 && pad >= 0; i++) {
    const b = make(pad);
    if (b.length === size) return b;
    pad += size - b.length;
  }
  throw new Error(`cannot make a PDF of exactly ${size} bytes`);
}

/** A well-formed MP4 of exactly `size` bytes (ftyp + mdat, no metadata): stored as sent, size unchanged. */
export function mp4OfSize(size: number): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41', 'latin1')]);
  if (size < ftyp.length + 8) throw new Error(`an MP4 needs at least ${ftyp.length + 8} bytes`);
  const mdat = Buffer.alloc(size - ftyp.length, 0x20);
  mdat.writeUInt32BE(mdat.length, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat]);
}

export function multipartBody(mp: Multipart, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----pantauHostile${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(mp.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  const filename = mp.filename === undefined ? '' : `; filename="${mp.filename}"`;
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${mp.field ?? 'file'}"${filename}\r\nContent-Type: ${mp.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      'utf8',
    ),
  );
  parts.push(content);
  parts.push(Buffer.from(mp.unterminated ? '\r\n' : `\r\n--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------------------- tokens

export const OTHER_KEY = new TextEncoder().encode('an-attackers-own-key-that-pantau-never-used-0123456789');

function b64json(v: unknown) {
  return base64url.encode(JSON.stringify(v));
}

/** Decodes a JWT's payload without checking it (to copy a real token's claims). */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

async function sign(claims: Record<string, unknown>, key: Uint8Array, opts: { exp?: number | null; iat?: number | null } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const body: Record<string, unknown> = { ...claims };
  delete body.exp;
  delete body.iat;
  if (opts.iat !== null) body.iat = opts.iat ?? now;
  if (opts.exp !== null) body.exp = opts.exp ?? now + 3600;
  return new SignJWT(body).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

export async function specialToken(
  kind: SpecialToken,
  k: { jwtKey: Uint8Array; serviceCredential: string; adminToken: string },
): Promise<string> {
  const real = jwtPayload(k.adminToken);
  const now = Math.floor(Date.now() / 1000);
  switch (kind) {
    case 'forged-key':
      return sign(real, OTHER_KEY);
    case 'alg-none':
      return `${b64json({ alg: 'none', typ: 'JWT' })}.${b64json({ ...real, exp: now + 3600 })}.`;
    case 'expired':
      return sign(real, k.jwtKey, { iat: now - 7200, exp: now - 3600 });
    case 'no-exp':
      return sign(real, k.jwtKey, { exp: null });
    case 'no-iat':
      return sign(real, k.jwtKey, { iat: null });
    case 'future-iat':
      return sign(real, k.jwtKey, { iat: now + 86400, exp: now + 90000 });
    case 'wrong-audience':
      return sign({ ...real, aud: 'pantau-internal' }, k.jwtKey);
    case 'wrong-issuer':
      return sign({ ...real, iss: 'attacker.example' }, k.jwtKey);
    case 'nonexistent-user':
      return sign({ ...real, sub: crypto.randomUUID(), email: 'ghost@kukarkab.go.id', name: 'Ghost' }, k.jwtKey);
    case 'role-tampered':
      // a real token's payload with another role, keeping the real signature
      return `${k.adminToken.split('.')[0]}.${b64json({ ...real, role: 'OMBUDSMAN' })}.${k.adminToken.split('.')[2]}`;
    case 'version-tampered':
      return sign({ ...real, ver: Number(real.ver ?? 0) + 1000 }, OTHER_KEY);
    case 'service-credential':
      return k.serviceCredential;
    case 'garbage':
      return 'not-a-jwt';
    case 'empty':
      return '';
    case 'basic-auth':
      return 'YWRtaW5Aa3VrYXJrYWIuZ28uaWQ6cGFudGF1LWRlbW8tMjAyNg==';
    case 'huge':
      return `${'A'.repeat(6000)}.${'B'.repeat(6000)}.${'C'.repeat(100)}`;
  }
}

/** A service credential of the given kind (valid ones come from @pantau/common's serviceHeaders()). */
export async function serviceCredential(
  kind: Credential,
  k: { serviceKey: Uint8Array; jwtKey: Uint8Array; valid: string; staffToken: string },
): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { service: 'gateway', sub: 'service:gateway', iss: 'pantau-services', aud: 'pantau-internal' };
  switch (kind) {
    case 'valid':
      return { 'x-pantau-service': k.valid };
    case 'none':
      return {};
    case 'forged':
      return { 'x-pantau-service': await sign(claims, OTHER_KEY) };
    case 'staff':
      return { 'x-pantau-service': k.staffToken };
    case 'staff-key':
      // the right claims signed with the staff key instead of the service key
      return { 'x-pantau-service': await sign(claims, k.jwtKey) };
    case 'expired':
      return { 'x-pantau-service': await sign(claims, k.serviceKey, { iat: now - 7200, exp: now - 3600 }) };
    case 'wrong-audience':
      return { 'x-pantau-service': await sign({ ...claims, aud: 'pantau' }, k.serviceKey) };
    case 'bearer-only':
      return { authorization: `Bearer ${k.valid}` };
    case 'garbage':
      return { 'x-pantau-service': 'garbage' };
  }
}

// ---------------------------------------------------------------------------------------------- stores

/** Tables whose rows change without any client write (add with a reason). */
export const VOLATILE_TABLES = new Set<string>([
  // outbox retention bookkeeping: every pull of /internal/outbox (analytics polls every few hundred ms; a
  // corpus case may pull with the service credential) records that consumer's acknowledged position and time
  'reports.outbox_consumer',
]);

export interface TableState {
  rows: number;
  hash: string;
}
export type StoreSnapshot = Record<string, TableState>;

/** Hashes every table's rows of the three SQLite stores (read-only connections). */
export function snapshotStores(dataDir: string): StoreSnapshot {
  const out: StoreSnapshot = {};
  for (const service of ['agencies', 'reports', 'analytics']) {
    const db = new Database(path.join(dataDir, `${service}.sqlite`), { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all() as Array<{ name: string; sql: string | null }>;
      for (const t of tables) {
        const key = `${service}.${t.name}`;
        if (VOLATILE_TABLES.has(key)) continue;
        if (/^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')) continue; // its shadow tables are hashed
        const name = `"${t.name.replace(/"/g, '""')}"`;
        const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql ?? '');
        // rowid order is stable for unchanged rows; tables without rowid are sorted in memory
        const rows = db.prepare(`SELECT * FROM ${name}${withoutRowid ? '' : ' ORDER BY rowid'}`).raw(true).all() as unknown[][];
        const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
        if (withoutRowid) lines.sort();
        const h = crypto.createHash('sha256');
        h.update(lines.join('\n'));
        out[key] = { rows: rows.length, hash: h.digest('hex') };
      }
    } finally {
      db.close();
    }
  }
  return out;
}

/** Differences not covered by `allow`: a list of human-readable lines. */
export function compareSnapshots(before: StoreSnapshot, after: StoreSnapshot, allow: Record<string, number | 'any'> = {}): string[] {
  const problems: string[] = [];
  const allowed = (table: string) => allow[table] ?? allow[`${table.split('.')[0]}.*`];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[table];
    const b = after[table];
    const rule = allowed(table);
    if (!a || !b) {
      if (rule !== 'any') problems.push(`${table}: table ${a ? 'dropped' : 'created'}`);
      continue;
    }
    if (typeof rule === 'number' && allow[table] !== undefined) {
      if (b.rows - a.rows !== rule) problems.push(`${table}: ${b.rows - a.rows} rows added, expected ${rule}`);
      continue;
    }
    if (rule === 'any' || typeof rule === 'number') continue;
    if (a.hash !== b.hash) problems.push(`${table}: changed (${a.rows} → ${b.rows} rows)`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------- checks

export function isSubset(expected: unknown, actual: unknown, at = '$'): string[] {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    const e = expected as Record<string, unknown>;
    const keys = Object.keys(e);
    if (keys.length === 1 && keys[0].startsWith('$')) {
      const [op] = keys;
      const v = e[op];
      switch (op) {
        case '$match':
          return typeof actual === 'string' && new RegExp(String(v), 'u').test(actual) ? [] : [`${at}: ${JSON.stringify(actual)} does not match /${v}/`];
        case '$notMatch':
          return typeof actual === 'string' && !new RegExp(String(v), 'u').test(actual) ? [] : [`${at}: ${JSON.stringify(actual)} matches /${v}/`];
        case '$type':
          return (v === 'array' ? Array.isArray(actual) : v === 'null' ? actual === null : typeof actual === v) ? [] : [`${at}: not a ${v}: ${JSON.stringify(actual)}`];
        case '$absent':
          return actual === undefined ? [] : [`${at}: present (${JSON.stringify(actual)})`];
        case '$present':
          return actual !== undefined && actual !== null ? [] : [`${at}: absent`];
        case '$lte':
          return typeof actual === 'number' && actual <= Number(v) ? [] : [`${at}: ${JSON.stringify(actual)} > ${v}`];
        case '$gte':
          return typeof actual === 'number' && actual >= Number(v) ? [] : [`${at}: ${JSON.stringify(actual)} < ${v}`];
        case '$oneOf':
          return (v as unknown[]).some((x) => JSON.stringify(x) === JSON.stringify(actual)) ? [] : [`${at}: ${JSON.stringify(actual)} not one of ${JSON.stringify(v)}`];
      }
    }
    if (!actual || typeof actual !== 'object') return [`${at}: expected an object, got ${JSON.stringify(actual)?.slice(0, 200)}`];
    return keys.flatMap((k) => isSubset(e[k], (actual as Record<string, unknown>)[k], `${at}.${k}`));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)?.slice(0, 200)}`];
    if (expected.length !== actual.length) return [`${at}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => isSubset(e, actual[i], `${at}[${i}]`));
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)?.slice(0, 200)}`];
}

export function firstCode(res: HttpResult): string | undefined {
  return res.json?.errors?.[0]?.extensions?.code;
}

/** The outcome label used in counts and the summary: "OK", an error code, "HTTP <status>" or "ABORTED". */
export function outcomeOf(res: HttpResult): string {
  if (res.aborted) return 'ABORTED';
  if (res.error) return `TRANSPORT: ${res.error}`;
  const code = firstCode(res);
  if (code) return code;
  if (res.status >= 200 && res.status < 300) return 'OK';
  return `HTTP ${res.status}`;
}

export interface LeakContext {
  /** Absolute paths that must not appear (repo root, data directory). */
  paths: string[];
  /** Subgraph ports whose URLs must not appear. */
  internalPorts: number[];
}

/** What every response is checked for, whatever the case expects. */
export function genericProblems(res: HttpResult, expect: Expectation, leak: LeakContext): string[] {
  const p: string[] = [];
  if (res.aborted) return p;
  if (res.error) return [`transport failure: ${res.error}`];
  const wanted = expect.status === undefined ? [] : Array.isArray(expect.status) ? expect.status : [expect.status];
  if (res.status >= 500 && !wanted.includes(res.status)) p.push(`HTTP ${res.status} (5xx)`);
  const text = res.text;
  const headerText = JSON.stringify(res.headers);
  if (/\n\s+at [^\n]+\(|at Object\.|at async |node:internal|at new [A-Z]|\bat [\w$.<>]+ \(\/?[\w/.-]+:\d+:\d+\)/.test(text)) p.push('stack trace in body');
  for (const abs of leak.paths) if (abs && (text.includes(abs) || headerText.includes(abs))) p.push(`absolute path ${abs} in response`);
  if (/node_modules|\/dist\/[\w/-]+\.js|\.(?:js|ts):\d+:\d+/.test(text)) p.push('source path in body');
  for (const port of leak.internalPorts) {
    const re = new RegExp(`(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):${port}\\b`);
    if (re.test(text) || re.test(headerText)) p.push(`internal URL (port ${port}) in response`);
  }
  const ctype = String(res.headers['content-type'] ?? '');
  if (!expect.htmlAllowed && (/text\/html/i.test(ctype) || /^\s*<(!doctype|html)/i.test(text))) p.push(`HTML returned (${ctype})`);
  if (res.status >= 400) {
    const e = res.json?.errors?.[0];
    if (!e || typeof e.message !== 'string' || typeof e.extensions?.code !== 'string' || typeof e.extensions?.messageId !== 'string') {
      p.push(`not the one JSON error shape: ${text.slice(0, 300)}`);
    }
  }
  const code = firstCode(res);
  if (code === 'RATE_LIMITED') {
    if (!res.headers['retry-after']) p.push('RATE_LIMITED without a Retry-After header');
    if (typeof res.json?.errors?.[0]?.extensions?.retryAfterSeconds !== 'number') p.push('RATE_LIMITED without extensions.retryAfterSeconds');
  }
  if (code && /^MAX_|^COST_LIMIT/.test(code) && typeof res.json?.errors?.[0]?.extensions?.limit !== 'number') p.push(`${code} without a numeric extensions.limit`);
  if (code === 'INTERNAL_SERVER_ERROR') p.push('INTERNAL_SERVER_ERROR for a client request');
  return p;
}

/** The case's own expectation. */
export function expectationProblems(res: HttpResult, e: Expectation): string[] {
  const p: string[] = [];
  if (e.aborted) {
    if (!res.aborted) p.push(`expected an aborted request, got HTTP ${res.status}`);
    return p;
  }
  if (res.aborted || res.error) return p; // reported by genericProblems
  if (e.status !== undefined) {
    const ok = Array.isArray(e.status) ? e.status.includes(res.status) : res.status === e.status;
    if (!ok) p.push(`status ${res.status}, expected ${JSON.stringify(e.status)}`);
  }
  if (e.anyOf) {
    const alternatives = e.anyOf.map((alt) => expectationProblems(res, alt));
    if (alternatives.some((a) => a.length === 0)) return p;
    return [`none of ${alternatives.length} alternatives holds: ${alternatives.map((a) => `[${a.join('; ')}]`).join(' or ')}`];
  }
  const code = firstCode(res);
  if (e.code !== undefined) {
    // "OK" stands for no error at all
    const got = code ?? 'OK';
    const ok = Array.isArray(e.code) ? e.code.includes(got) : got === e.code;
    if (!ok) p.push(`code ${code ?? '(none)'}, expected ${JSON.stringify(e.code)}${res.json?.errors?.[0]?.message ? ` — "${String(res.json.errors[0].message).slice(0, 160)}"` : ''}`);
  }
  if (e.allCodes !== undefined) {
    const codes = (res.json?.errors ?? []).map((x: any) => x?.extensions?.code);
    if (!codes.length || codes.some((c: string) => c !== e.allCodes)) p.push(`codes ${JSON.stringify(codes)}, expected all ${e.allCodes}`);
  }
  if (e.extensions) p.push(...isSubset(e.extensions, res.json?.errors?.[0]?.extensions, 'extensions'));
  if (e.ok && res.json?.errors?.length) p.push(`errors: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
  if (e.data === null) {
    // no data: null, absent, or every root field null (the field that failed)
    const d = res.json?.data;
    const none = d === null || d === undefined || (typeof d === 'object' && Object.values(d).every((v) => v === null));
    if (!none) p.push(`data present: ${JSON.stringify(d).slice(0, 200)}`);
  } else if (e.data !== undefined) {
    p.push(...isSubset(e.data, res.json?.data, 'data'));
  }
  if (e.body !== undefined) p.push(...isSubset(e.body, res.json, 'body'));
  if (e.maxMs !== undefined && res.ms > e.maxMs) p.push(`answered in ${Math.round(res.ms)} ms, more than ${e.maxMs} ms`);
  if (e.headers) {
    for (const [h, v] of Object.entries(e.headers)) p.push(...isSubset(v, res.headers[h.toLowerCase()], `header ${h}`));
  }
  const hay = res.body.toString('latin1') + '\n' + JSON.stringify(res.headers);
  const hayUtf8 = res.text + '\n' + JSON.stringify(res.headers);
  for (const s of e.notContains ?? []) if (hay.includes(s) || hayUtf8.includes(s)) p.push(`response contains ${JSON.stringify(s)}`);
  for (const b of e.notContainsBase64 ?? []) if (res.body.includes(Buffer.from(b, 'base64'))) p.push(`response contains the bytes ${b}`);
  return p;
}

export function countProblems(outcomes: string[], counts: Record<string, number | string>): string[] {
  const tally: Record<string, number> = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  const p: string[] = [];
  for (const [label, rule] of Object.entries(counts)) {
    const n = tally[label] ?? 0;
    const m = /^(<=|>=)?\s*(\d+)$/.exec(String(rule));
    if (!m) throw new Error(`bad count rule ${rule}`);
    const want = Number(m[2]);
    const ok = m[1] === '<=' ? n <= want : m[1] === '>=' ? n >= want : n === want;
    if (!ok) p.push(`${label}: ${n}, expected ${rule} (all: ${JSON.stringify(tally)})`);
  }
  return p;
}
