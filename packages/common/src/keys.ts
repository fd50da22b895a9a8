import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './config';

/**
 * Signing keys. Two different HS256 keys, never in the source:
 * - `PANTAU_JWT_SECRET` signs staff tokens (issued by agencies on sign-in, verified by every process);
 * - `PANTAU_SERVICE_SECRET` signs the service-to-service credential (`X-Pantau-Service`).
 *
 * On the embedded store (no MySQL/MariaDB `DATABASE_URL`) a missing key is generated once into
 * `<PANTAU_DATA_DIR>/keys.json` (owner-only, created atomically so processes starting together agree).
 * With MySQL/MariaDB both must be configured; otherwise the process refuses to start.
 */
export interface PantauKeys {
  jwtSecret: string;
  serviceSecret: string;
  /** Where the keys came from (for logs; never the keys themselves). */
  source: 'env' | 'file' | 'env+file';
}

export const MIN_KEY_LENGTH = 32;
export const KEYS_FILE = 'keys.json';
export const GENERATE_KEY_HINT =
  `node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))"` + ' (or: openssl rand -base64 48)';

export class KeyConfigError extends Error {
  override name = 'KeyConfigError';
}

const SERVICES = ['AGENCIES', 'REPORTS', 'ANALYTICS'];

/** True when every store this process (or the stack) may use is the embedded SQLite one. */
export function usesEmbeddedStore(env: NodeJS.ProcessEnv = process.env): boolean {
  const urls = [env.DATABASE_URL, ...SERVICES.map((s) => env[`${s}_DATABASE_URL`])];
  return urls.every((u) => !u || u.startsWith('sqlite:'));
}

export function keysFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), KEYS_FILE);
}

function randomKey(): string {
  return crypto.randomBytes(48).toString('base64url');
}

function parseKeysFile(file: string): { jwtSecret: string; serviceSecret: string } {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (typeof raw.jwtSecret !== 'string' || typeof raw.serviceSecret !== 'string') {
    throw new KeyConfigError(`${file} is not a Pantau key file (expected { "jwtSecret": "…", "serviceSecret": "…" }). Delete it to generate new keys.`);
  }
  return { jwtSecret: raw.jwtSecret, serviceSecret: raw.serviceSecret };
}

/**
 * Reads `<dir>/keys.json`, creating it with two fresh random keys (mode 0600) if missing. Creation writes a
 * temporary file and hard-links it into place: link() fails with EEXIST when another process won the race,
 * and then everyone rereads the winner's file, so concurrently starting processes end up with the same keys.
 */
export function ensureKeysFile(dir: string): { jwtSecret: string; serviceSecret: string } {
  const file = path.join(dir, KEYS_FILE);
  try {
    return parseKeysFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${KEYS_FILE}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const keys = { jwtSecret: randomKey(), serviceSecret: randomKey() };
  fs.writeFileSync(tmp, JSON.stringify({ ...keys, createdAt: new Date().toISOString() }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  try {
    fs.chmodSync(tmp, 0o600); // in case the umask narrowed nothing but the platform ignored `mode`
    fs.linkSync(tmp, file);
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parseKeysFile(file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function check(name: string, value: string) {
  if (value.length < MIN_KEY_LENGTH) {
    throw new KeyConfigError(`${name} must be at least ${MIN_KEY_LENGTH} characters long. Generate one with: ${GENERATE_KEY_HINT}`);
  }
}

/** Loads (and checks) both keys from the environment, falling back to keys.json on the embedded store. */
export function loadKeys(env: NodeJS.ProcessEnv = process.env): PantauKeys {
  let jwt = env.PANTAU_JWT_SECRET || '';
  let service = env.PANTAU_SERVICE_SECRET || '';
  let source: PantauKeys['source'] = 'env';
  if (!jwt || !service) {
    if (!usesEmbeddedStore(env)) {
      const missing = [!jwt && 'PANTAU_JWT_SECRET', !service && 'PANTAU_SERVICE_SECRET'].filter(Boolean).join(' and ');
      throw new KeyConfigError(
        `${missing} must be set when DATABASE_URL points to MySQL/MariaDB. ` +
          'Set PANTAU_JWT_SECRET (signs staff tokens) and PANTAU_SERVICE_SECRET (service-to-service credential) ' +
          `to two different random values of at least ${MIN_KEY_LENGTH} characters, the same in every Pantau process; ` +
          `generate each with: ${GENERATE_KEY_HINT}`,
      );
    }
    const file = ensureKeysFile(dataDir(env));
    source = jwt || service ? 'env+file' : 'file';
    jwt ||= file.jwtSecret;
    service ||= file.serviceSecret;
  }
  check('PANTAU_JWT_SECRET', jwt);
  check('PANTAU_SERVICE_SECRET', service);
  if (jwt === service) {
    throw new KeyConfigError('PANTAU_JWT_SECRET and PANTAU_SERVICE_SECRET must be different keys.');
  }
  return { jwtSecret: jwt, serviceSecret: service, source };
}

let cached: { fingerprint: string; keys: PantauKeys; jwt: Uint8Array; service: Uint8Array } | null = null;

function current() {
  const env = process.env;
  const fingerprint = [
    env.PANTAU_JWT_SECRET,
    env.PANTAU_SERVICE_SECRET,
    env.PANTAU_DATA_DIR,
    env.DATABASE_URL,
    ...SERVICES.map((s) => env[`${s}_DATABASE_URL`]),
  ].join('\u0000');
  if (!cached || cached.fingerprint !== fingerprint) {
    const keys = loadKeys(env);
    const enc = new TextEncoder();
    cached = { fingerprint, keys, jwt: enc.encode(keys.jwtSecret), service: enc.encode(keys.serviceSecret) };
  }
  return cached;
}

/** HS256 key of staff tokens. */
export function jwtSecret(): Uint8Array {
  return current().jwt;
}

/** HS256 key of the service-to-service credential. */
export function serviceSecret(): Uint8Array {
  return current().service;
}

/**
 * loadKeys() for a process that is starting: a key problem is also written to stderr as one plain line
 * (whatever the log level), then thrown, so the operator sees what to set.
 */
export function requireKeys(env: NodeJS.ProcessEnv = process.env): PantauKeys {
  try {
    return loadKeys(env);
  } catch (err) {
    if (err instanceof KeyConfigError) process.stderr.write(`Pantau cannot start: ${err.message}\n`);
    throw err;
  }
}
