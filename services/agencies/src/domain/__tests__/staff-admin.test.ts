import { Role } from '@pantau/common';
import { planStaffChange } from '../staff-admin';

describe('planStaffChange', () => {
  const admin = { id: 'a', role: Role.ADMIN };
  const target = { id: 't', active: true, role: Role.LIAISON };

  it('deactivates, reactivates and changes roles, telling whether anything changed', () => {
    expect(planStaffChange(admin, target, { kind: 'deactivate' })).toEqual({ active: false, role: Role.LIAISON, changed: true });
    expect(planStaffChange(admin, { ...target, active: false }, { kind: 'deactivate' }).changed).toBe(false);
    expect(planStaffChange(admin, { ...target, active: false }, { kind: 'reactivate' })).toEqual({ active: true, role: Role.LIAISON, changed: true });
    expect(planStaffChange(admin, target, { kind: 'reactivate' }).changed).toBe(false);
    expect(planStaffChange(admin, target, { kind: 'role', role: Role.OMBUDSMAN })).toEqual({ active: true, role: Role.OMBUDSMAN, changed: true });
    expect(planStaffChange(admin, target, { kind: 'role', role: Role.LIAISON }).changed).toBe(false);
  });

  it('lets only an admin change accounts, and never their own', () => {
    for (const role of [Role.LIAISON, Role.OMBUDSMAN, Role.LEADERSHIP]) {
      expect(() => planStaffChange({ id: 'x', role }, target, { kind: 'deactivate' })).toThrow(expect.objectContaining({ reason: 'ADMIN_ONLY' }));
    }
    expect(() => planStaffChange(admin, { ...target, id: 'a' }, { kind: 'role', role: Role.LIAISON })).toThrow(expect.objectContaining({ reason: 'OWN_ACCOUNT' }));
  });
});
