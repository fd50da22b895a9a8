import type express from 'express';
import type { DataSource } from 'typeorm';
import { sendError, sendJsonError, serviceCredentialRequired } from '@pantau/common';
import { ApiClient } from '../entities/api-client.entity';

/**
 * GET /internal/api-clients/by-key-hash/:sha256 → { id, name } of an active (not revoked) Open311 client, or 404.
 * For the gateway's Open311 adapter, which hashes the presented key itself (the key never crosses); the
 * service credential is required.
 */
export function apiClientRoutes(ds: DataSource) {
  return (app: express.Express) => {
    app.get('/internal/api-clients/by-key-hash/:hash', async (req, res) => {
      if (!req.pantauService) {
        sendError(res, serviceCredentialRequired());
        return;
      }
      const hash = String(req.params.hash);
      const row = /^[0-9a-f]{64}$/.test(hash) ? await ds.getRepository(ApiClient).findOneBy({ keyHash: hash }) : null;
      res.setHeader('cache-control', 'no-store');
      if (!row || row.revokedAt) {
        sendJsonError(res, 404, 'NOT_FOUND.API_CLIENT', {});
        return;
      }
      res.json({ id: row.id, name: row.name });
    });
  };
}
