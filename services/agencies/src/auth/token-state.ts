import type express from 'express';
import type { DataSource } from 'typeorm';
import { serviceCredentialRequired, sendError, sendJsonError, TokenStateChecker, type Role, type TokenState } from '@pantau/common';

/** The account's current token state, or null when it does not exist. */
export async function accountTokenState(ds: DataSource, id: string): Promise<TokenState | null> {
  const rows: Array<{ active: unknown; tokenVersion: unknown; role: string; agencyId: string }> = await ds.query(
    'SELECT active, tokenVersion, role, agencyId FROM staff_accounts WHERE id = ?',
    [id],
  );
  if (!rows.length) return null;
  const r = rows[0];
  return { active: Number(r.active) === 1 || r.active === true, tokenVersion: Number(r.tokenVersion), role: r.role as Role, agencyId: r.agencyId };
}

const checkers = new WeakMap<DataSource, TokenStateChecker>();

/** Agencies owns the accounts: it checks tokens against its own store on every request (no cache). */
export function localTokenStateChecker(ds: DataSource): TokenStateChecker {
  let c = checkers.get(ds);
  if (!c) {
    c = new TokenStateChecker((id) => accountTokenState(ds, id), { recheckMs: 0, staleMs: 0 });
    checkers.set(ds, c);
  }
  return c;
}

/**
 * GET /internal/token-state/:accountId → { active, tokenVersion, role, agencyId } or 404. For the other
 * processes that accept staff tokens; the service credential is required (checked in front of /internal).
 */
export function tokenStateRoutes(ds: DataSource) {
  return (app: express.Express) => {
    app.get('/internal/token-state/:accountId', async (req, res) => {
      if (!req.pantauService) {
        sendError(res, serviceCredentialRequired());
        return;
      }
      const id = String(req.params.accountId);
      const state = id.length <= 64 ? await accountTokenState(ds, id) : null;
      res.setHeader('cache-control', 'no-store');
      if (!state) {
        sendJsonError(res, 404, 'NOT_FOUND.STAFF_ACCOUNT', {});
        return;
      }
      res.json(state);
    });
  };
}
