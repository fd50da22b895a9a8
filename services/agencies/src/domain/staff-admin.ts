import { AppError, Role } from '@pantau/common';

/** An administrative change to a staff account; each one ends the account's current sessions. */
export type StaffChange = { kind: 'deactivate' } | { kind: 'reactivate' } | { kind: 'role'; role: Role };

export interface StaffAccountState {
  id: string;
  active: boolean;
  role: Role;
}

/**
 * What a change does to the account, or why it is refused: only an ADMIN may change accounts, never their
 * own (an admin cannot lock themselves out or demote the last admin by accident). `changed` is false for a
 * change that would leave the account as it is (nothing to revoke).
 */
export function planStaffChange(
  actor: { id: string; role: Role },
  target: StaffAccountState,
  change: StaffChange,
): { active: boolean; role: Role; changed: boolean } {
  if (actor.role !== Role.ADMIN) {
    throw new AppError('FORBIDDEN', 'Only an admin can change staff accounts.', 'Hanya admin yang dapat mengubah akun staf.');
  }
  if (actor.id === target.id) {
    throw new AppError('FORBIDDEN', 'You cannot change your own account this way; ask another admin.', 'Anda tidak dapat mengubah akun Anda sendiri dengan cara ini; minta admin lain.');
  }
  const next =
    change.kind === 'deactivate'
      ? { active: false, role: target.role }
      : change.kind === 'reactivate'
        ? { active: true, role: target.role }
        : { active: target.active, role: change.role };
  return { ...next, changed: next.active !== target.active || next.role !== target.role };
}
