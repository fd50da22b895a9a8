import type express from 'express';
import { sendError, sendJsonError, serviceCredentialRequired } from '@pantau/common';
import type { DataSource } from 'typeorm';
import { OUTBOX_DEFAULT_LIMIT, OUTBOX_MAX_LIMIT, readOutbox } from '../service/outbox';
import { prunedThrough, recordAck } from '../service/outbox-retention';

/**
 * GET /internal/outbox?after=<seq>&limit=<n> — the reports → analytics event feed (OutboxPage), in seq
 * order. Service credential only (`X-Pantau-Service`, signed with PANTAU_SERVICE_SECRET, checked in front
 * of every /internal route by startSubgraphServer); not part of the public supergraph.
 */
export function outboxRoutes(ds: DataSource) {
  return (app: express.Express) => {
    app.get('/internal/outbox', async (req, res) => {
      if (!req.pantauService) {
        sendError(res, serviceCredentialRequired());
        return;
      }
      const after = req.query.after === undefined ? 0 : Number(req.query.after);
      const limit = req.query.limit === undefined ? OUTBOX_DEFAULT_LIMIT : Number(req.query.limit);
      if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > OUTBOX_MAX_LIMIT) {
        sendJsonError(res, 400, 'BAD_USER_INPUT.OUTBOX_PAGE', { max: OUTBOX_MAX_LIMIT });
        return;
      }
      // events up to the pruned horizon are gone: say so rather than let the consumer take it for a gap
      const pruned = await prunedThrough(ds);
      if (after < pruned) {
        sendJsonError(res, 410, 'OUTBOX_PRUNED', { prunedThrough: pruned });
        return;
      }
      // a pull with after=N acknowledges everything up to N for this consumer (outbox retention)
      await recordAck(ds, req.pantauService.service, after);
      res.json(await readOutbox(ds, after, limit));
    });
  };
}
