import type express from 'express';
import { bearerToken, verifyServiceToken, type AppError } from '@pantau/common';
import type { DataSource } from 'typeorm';
import { OUTBOX_DEFAULT_LIMIT, OUTBOX_MAX_LIMIT, readOutbox } from '../service/outbox';

/**
 * GET /internal/outbox?after=<seq>&limit=<n> — the reports → analytics event feed (OutboxPage), in seq
 * order. Service tokens only (audience pantau-internal); not part of the public supergraph.
 */
export function outboxRoutes(ds: DataSource) {
  return (app: express.Express) => {
    app.get('/internal/outbox', async (req, res) => {
      try {
        const token = bearerToken(req.headers.authorization);
        if (!token) throw new Error('missing');
        await verifyServiceToken(token);
      } catch (err) {
        const e = err as AppError;
        res.status(401).json({
          error: {
            code: 'UNAUTHENTICATED',
            message: e.extensions ? e.message : 'A service token (Authorization: Bearer …) is required.',
          },
        });
        return;
      }
      const after = req.query.after === undefined ? 0 : Number(req.query.after);
      const limit = req.query.limit === undefined ? OUTBOX_DEFAULT_LIMIT : Number(req.query.limit);
      if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > OUTBOX_MAX_LIMIT) {
        res.status(400).json({
          error: { code: 'BAD_USER_INPUT', message: `after must be an integer >= 0 and limit 1-${OUTBOX_MAX_LIMIT}.` },
        });
        return;
      }
      res.json(await readOutbox(ds, after, limit));
    });
  };
}
