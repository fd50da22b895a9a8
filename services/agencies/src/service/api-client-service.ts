import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput, forbidden, notFound, Role, unauthenticated, type Viewer } from '@pantau/common';
import { ApiClient } from '../entities/api-client.entity';
import { apiKeyDisplayPrefix, generateApiKey, hashApiKey } from '../domain/api-keys';

/** Longest name and contact of a client application. */
export const API_CLIENT_LIMITS = { name: 120, contact: 254 } as const;

function requireAdmin(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.role !== Role.ADMIN) throw forbidden('ADMIN_ONLY');
  return viewer;
}

function cleanText(value: string | null | undefined, field: string, max: number, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw badInput('REQUIRED', { field });
    return null;
  }
  if (v.length > max) throw badInput('TOO_LONG', { field, max });
  return v;
}

/** ADMIN: Open311 client applications and their API keys (service layer). */
export class ApiClientService {
  constructor(readonly ds: DataSource) {}

  list(viewer: Viewer | null): Promise<ApiClient[]> {
    requireAdmin(viewer);
    return this.ds.getRepository(ApiClient).find({ order: { createdAt: 'DESC', id: 'ASC' }, take: 500 });
  }

  /** Issues a key; the key itself is returned this once, only its hash is kept. */
  async issue(viewer: Viewer | null, name: string, contact: string | null | undefined): Promise<{ client: ApiClient; apiKey: string }> {
    const admin = requireAdmin(viewer);
    const apiKey = generateApiKey();
    const repo = this.ds.getRepository(ApiClient);
    const client = repo.create({
      id: crypto.randomUUID(),
      name: cleanText(name, 'name', API_CLIENT_LIMITS.name, true)!,
      contact: cleanText(contact, 'contact', API_CLIENT_LIMITS.contact, false),
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKeyDisplayPrefix(apiKey),
      createdBy: admin.id,
      revokedAt: null,
    });
    await repo.insert(client);
    return { client: await repo.findOneByOrFail({ id: client.id }), apiKey };
  }

  /** Revokes a key; it stops working at once. */
  async revoke(viewer: Viewer | null, id: string): Promise<ApiClient> {
    requireAdmin(viewer);
    const repo = this.ds.getRepository(ApiClient);
    const row = id.length <= 36 ? await repo.findOneBy({ id }) : null;
    if (!row) throw notFound('API_CLIENT');
    if (!row.revokedAt) await repo.update({ id }, { revokedAt: new Date() });
    return repo.findOneByOrFail({ id });
  }
}
