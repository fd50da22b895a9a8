import { Role } from '@pantau/common';
import { listScope, maskTrackingId, type PrivacyViewer, reportAccess } from '../privacy';

const viewers: Record<string, PrivacyViewer> = {
  public: { kind: 'PUBLIC' },
  reporter: { kind: 'REPORTER' },
  admin: { kind: 'STAFF', role: Role.ADMIN, agencyId: 'kominfo' },
  ombudsman: { kind: 'STAFF', role: Role.OMBUDSMAN, agencyId: 'ori' },
  leadership: { kind: 'STAFF', role: Role.LEADERSHIP, agencyId: 'bupati' },
  liaisonOwn: { kind: 'STAFF', role: Role.LIAISON, agencyId: 'dpupr' },
  liaisonOther: { kind: 'STAFF', role: Role.LIAISON, agencyId: 'dinkes' },
};

// [content, reporter] for (anonymous, confidential) = (F,F) (T,F) (F,T) (T,T)
const MATRIX: Record<string, Array<[boolean, boolean]>> = {
  public: [[true, false], [true, false], [false, false], [false, false]],
  reporter: [[true, true], [true, true], [true, true], [true, true]],
  admin: [[true, true], [true, true], [true, true], [true, true]],
  ombudsman: [[true, true], [true, true], [true, true], [true, true]],
  leadership: [[true, false], [true, false], [false, false], [false, false]],
  liaisonOwn: [[true, true], [true, false], [true, true], [true, false]],
  liaisonOther: [[true, false], [true, false], [false, false], [false, false]],
};

describe('privacy rules', () => {
  const flags: Array<[boolean, boolean]> = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  for (const [name, viewer] of Object.entries(viewers)) {
    it(`${name}: content and identity per anonymous/confidential`, () => {
      flags.forEach(([anonymous, confidential], i) => {
        const a = reportAccess(viewer, { anonymous, confidential, agencyId: 'dpupr' });
        expect([anonymous, confidential, a.content, a.reporter]).toEqual([anonymous, confidential, ...MATRIX[name][i]]);
        expect(a.trackingId).toBe(name === 'reporter');
      });
    });
  }

  it('a liaison loses the working view once the report is forwarded away', () => {
    const own = viewers.liaisonOwn;
    expect(reportAccess(own, { anonymous: false, confidential: false, agencyId: 'dpupr' }).staffWork).toBe(true);
    expect(reportAccess(own, { anonymous: false, confidential: false, agencyId: 'dinkes' }).staffWork).toBe(false);
    expect(reportAccess(own, { anonymous: false, confidential: false, agencyId: null }).internal).toBe(false);
  });

  it('never shows an anonymous reporter to anyone but the reporter, admins and the ombudsman', () => {
    const seeing = Object.entries(viewers)
      .filter(([, v]) => reportAccess(v, { anonymous: true, confidential: false, agencyId: 'dpupr' }).reporter)
      .map(([n]) => n);
    expect(seeing.sort()).toEqual(['admin', 'ombudsman', 'reporter']);
  });

  it('masks tracking IDs and scopes staff lists', () => {
    expect(maskTrackingId('LPR-7K3M-Q2XZ-9HWD-4')).toBe('LPR-7K3M-••••-••••-•');
    expect(listScope(viewers.public)).toBeNull();
    expect(listScope(viewers.reporter)).toBeNull();
    expect(listScope(viewers.liaisonOwn)).toEqual({ agencyId: 'dpupr' });
    expect(listScope(viewers.leadership)).toEqual({ all: true });
  });
});
