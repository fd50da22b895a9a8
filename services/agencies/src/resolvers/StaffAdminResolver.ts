import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { notFound, Role, unauthenticated } from '@pantau/common';
import type { AgenciesContext } from '../context';
import { planStaffChange, type StaffChange } from '../domain/staff-admin';
import { StaffAccount } from '../entities/StaffAccount';

/**
 * ADMIN-only account administration. Every effective change bumps the account's token version, so the
 * account's existing tokens stop working everywhere within PANTAU_TOKEN_RECHECK_SECONDS (default 30 s).
 */
@Resolver(() => StaffAccount)
export class StaffAdminResolver {
  private async apply(ctx: AgenciesContext, id: string, change: StaffChange): Promise<StaffAccount> {
    if (!ctx.viewer) throw unauthenticated();
    const repo = ctx.ds.getRepository(StaffAccount);
    return ctx.ds.transaction(async (tx) => {
      const target = await tx.getRepository(StaffAccount).findOneBy({ id });
      if (!target) throw notFound('No such staff account.', 'Akun staf tidak ditemukan.');
      const plan = planStaffChange(ctx.viewer!, target, change);
      if (plan.changed) {
        await tx
          .createQueryBuilder()
          .update(StaffAccount)
          .set({ active: plan.active, role: plan.role, tokenVersion: () => 'tokenVersion + 1' })
          .where('id = :id', { id })
          .execute();
      }
      return (await tx.getRepository(StaffAccount).findOneBy({ id })) ?? (await repo.findOneByOrFail({ id }));
    });
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: deactivates a staff account; its sessions end within a minute.' })
  deactivateStaffAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: AgenciesContext) {
    return this.apply(ctx, id, { kind: 'deactivate' });
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: reactivates a staff account (its old tokens stay invalid).' })
  reactivateStaffAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: AgenciesContext) {
    return this.apply(ctx, id, { kind: 'reactivate' });
  }

  @Mutation(() => StaffAccount, { description: "ADMIN: changes a staff account's role; its sessions end within a minute." })
  changeStaffRole(@Arg('id', () => ID) id: string, @Arg('role', () => Role) role: Role, @Ctx() ctx: AgenciesContext) {
    return this.apply(ctx, id, { kind: 'role', role });
  }
}
