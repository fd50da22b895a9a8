import type { DataSource } from 'typeorm';
import { forbidden, notFound, rateLimitedError, signStaffToken, tokenTtlSeconds, unauthenticated, type Role, type Viewer } from '@pantau/common';
import { verifyPassword } from '../domain/passwords';
import { emailCountingKey, normaliseEmail, type SignInThrottle } from '../domain/sign-in-throttle';
import { planStaffChange, StaffChangeRefused, type StaffChange } from '../domain/staff-admin';
import { StaffAccount } from '../entities/staff-account.entity';

// A hash to compare against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Applies an administrative change in one transaction; an effective change bumps the account's token
 * version, which ends every session of the account (see @pantau/common token-state). Also used by the CLI.
 */
export async function changeStaffAccount(ds: DataSource, id: string, change: StaffChange, actor: { id: string; role: Role }): Promise<StaffAccount> {
  return ds.transaction(async (tx) => {
    const repo = tx.getRepository(StaffAccount);
    const target = await repo.findOneBy({ id });
    if (!target) throw notFound('STAFF_ACCOUNT');
    let plan: ReturnType<typeof planStaffChange>;
    try {
      plan = planStaffChange(actor, target, change);
    } catch (err) {
      if (err instanceof StaffChangeRefused) throw forbidden(err.reason);
      throw err;
    }
    if (plan.changed) {
      await tx
        .createQueryBuilder()
        .update(StaffAccount)
        .set({ active: plan.active, role: plan.role, tokenVersion: () => 'tokenVersion + 1' })
        .where('id = :id', { id })
        .execute();
    }
    return repo.findOneByOrFail({ id });
  });
}

/** Staff accounts (service layer): sign-in, the signed-in account, administrative changes. */
export class StaffService {
  constructor(readonly ds: DataSource) {}

  /**
   * Signs in: a signed, expiring token. Attempts are counted before the password is checked (atomic in
   * memory and in Redis), so parallel guesses cannot exceed the budget.
   */
  async signIn(email: string, password: string, clientAddress: string, throttle: SignInThrottle) {
    // One form for lookup and counting; MariaDB's collation may still match accent/case variants, so attempts
    // are counted by the account found, and only by the typed email when there is none.
    const normalised = normaliseEmail(email);
    const account = normalised.length <= 254 ? await this.ds.getRepository(StaffAccount).findOneBy({ email: normalised }) : null;
    const verdict = await throttle.attempt(clientAddress, emailCountingKey(account?.email ?? normalised));
    if ('refusal' in verdict) throw rateLimitedError(verdict.refusal, 'RATE_LIMITED.SIGN_IN');
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || !account.active) throw unauthenticated('WRONG_CREDENTIALS');
    await throttle.succeeded(verdict.attempt);
    const ttl = tokenTtlSeconds();
    const token = await signStaffToken(
      { id: account.id, email: account.email, name: account.name, role: account.role, agencyId: account.agencyId, tokenVersion: account.tokenVersion },
      { ttlSeconds: ttl },
    );
    return { token, expiresAt: new Date(Date.now() + ttl * 1000), account };
  }

  /** The signed-in account (null when signed out). */
  me(viewer: Viewer | null): Promise<StaffAccount | null> {
    return viewer ? this.ds.getRepository(StaffAccount).findOneBy({ id: viewer.id }) : Promise.resolve(null);
  }

  /** ADMIN: deactivates, reactivates or changes the role of an account (not their own). */
  change(viewer: Viewer | null, id: string, change: StaffChange): Promise<StaffAccount> {
    if (!viewer) throw unauthenticated();
    return changeStaffAccount(this.ds, id, change, viewer);
  }
}
