import type { DataSource } from 'typeorm';
import { notFound, type Role } from '@pantau/common';
import { planStaffChange, type StaffChange } from '../domain/staff-admin';
import { StaffAccount } from '../entities/staff-account.entity';

/**
 * Applies an administrative change in one transaction; an effective change bumps the account's token
 * version, which ends every session of the account (see @pantau/common token-state).
 */
export async function changeStaffAccount(
  ds: DataSource,
  id: string,
  change: StaffChange,
  actor: { id: string; role: Role },
): Promise<StaffAccount> {
  return ds.transaction(async (tx) => {
    const repo = tx.getRepository(StaffAccount);
    const target = await repo.findOneBy({ id });
    if (!target) throw notFound('No such staff account.', 'Akun staf tidak ditemukan.');
    const plan = planStaffChange(actor, target, change);
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
