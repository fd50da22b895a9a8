import { createHash, randomBytes } from 'node:crypto';

/**
 * Open311 API keys: `p311_` + 43 base64url characters (256 random bits). Stored only as their SHA-256
 * (hex): with that much entropy a slow KDF adds nothing, and a lookup by hash stays one indexed read.
 */
export const API_KEY_PREFIX = 'p311_';
const KEY_SHAPE = /^p311_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a string has the shape of a key (checked before any lookup). */
export function looksLikeApiKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_SHAPE.test(key);
}

/** The part of a key shown in lists: enough to tell keys apart, useless as a key. */
export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
