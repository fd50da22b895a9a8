import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '@pantau/common';
import type { AgenciesContext } from '../context';
import { StaffAccount } from '../entities/staff-account.entity';

/**
 * ADMIN-only account administration. Every effective change bumps the account's token version, so the
 * account's existing tokens stop working everywhere within PANTAU_TOKEN_RECHECK_SECONDS (default 30 s).
 */
@Resolver(() => StaffAccount)
export class StaffAdminResolver {
  @Mutation(() => StaffAccount, { description: 'ADMIN: deactivates a staff account; its sessions end within a minute.' })
  deactivateStaffAccount(@Arg('id', () => ID, { description: 'Id of the staff account.' }) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.staff.change(ctx.viewer, id, { kind: 'deactivate' });
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: reactivates a staff account (its old tokens stay invalid).' })
  reactivateStaffAccount(@Arg('id', () => ID, { description: 'Id of the staff account.' }) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.staff.change(ctx.viewer, id, { kind: 'reactivate' });
  }

  @Mutation(() => StaffAccount, { description: "ADMIN: changes a staff account's role; its sessions end within a minute." })
  changeStaffRole(
    @Arg('id', () => ID, { description: 'Id of the staff account.' }) id: string,
    @Arg('role', () => Role, { description: 'The new role.' }) role: Role, @Ctx() ctx: AgenciesContext) {
    return ctx.staff.change(ctx.viewer, id, { kind: 'role', role });
  }
}
