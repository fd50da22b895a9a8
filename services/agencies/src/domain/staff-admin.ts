import { Role } from '@pantau/common';

/** An administrative change to a staff account; each one ends the account's current sessions. */
export type StaffChange = { kind: 'deactivate' } | { kind: 'reactivate' } | { kind: 'role'; role: Role };

export interface StaffAccountState {
  id: string;
  active: boolean;
  role: Role;
}

/** A refused change: FORBIDDEN with this reason (the contract's catalogue has the words). */
export class StaffChangeRefused extends Error {
  constructor(readonly reason: 'ADMIN_ONLY' | 'OWN_ACCOUNT') {
    super(reason);
    this.name = 'StaffChangeRefused';
  }
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
  if (actor.role !== Role.ADMIN) throw new StaffChangeRefused('ADMIN_ONLY');
  if (actor.id === target.id) throw new StaffChangeRefused('OWN_ACCOUNT');
  const next =
    change.kind === 'deactivate'
      ? { active: false, role: target.role }
      : change.kind === 'reactivate'
        ? { active: true, role: target.role }
        : { active: target.active, role: change.role };
  return { ...next, changed: next.active !== target.active || next.role !== target.role };
}
