import type express from 'express';
import { sendError, serviceCredentialRequired } from '@pantau/common';
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
        res.status(400).json({
          errors: [
            {
              message: `after must be an integer >= 0 and limit 1-${OUTBOX_MAX_LIMIT}.`,
              extensions: {
                code: 'BAD_USER_INPUT',
                messageId: `after harus bilangan bulat >= 0 dan limit 1-${OUTBOX_MAX_LIMIT}.`,
              },
            },
          ],
        });
        return;
      }
      // events up to the pruned horizon are gone: say so rather than let the consumer take it for a gap
      const pruned = await prunedThrough(ds);
      if (after < pruned) {
        res.status(410).json({
          errors: [
            {
              message: `Events up to seq ${pruned} were pruned after every consumer had them (PANTAU_OUTBOX_RETENTION_DAYS): restore a snapshot of the consumer taken after seq ${pruned}.`,
              extensions: {
                code: 'OUTBOX_PRUNED',
                messageId: `Peristiwa sampai seq ${pruned} sudah dipangkas: pulihkan cadangan konsumen yang dibuat setelah seq ${pruned}.`,
                prunedThrough: pruned,
              },
            },
          ],
        });
        return;
      }
      // a pull with after=N acknowledges everything up to N for this consumer (outbox retention)
      await recordAck(ds, req.pantauService.service, after);
      res.json(await readOutbox(ds, after, limit));
    });
  };
}
