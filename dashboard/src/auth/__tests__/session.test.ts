import { isExpired, loadSession, saveSession, sessionFromToken } from '../session';
import { testToken } from '../../test/renderApp';

describe('staff session from the registry token', () => {
  beforeEach(() => window.localStorage.clear());

  test('reads name, role, agency and expiry from the claims', () => {
    const s = sessionFromToken(testToken({ name: 'Sekretaris Kecamatan Muara Wis', role: 'LIAISON', agencyId: 'kukar-kec-640218', exp: 2_000_000_000 }))!;
    expect(s).toMatchObject({ accountId: 'acc-1', name: 'Sekretaris Kecamatan Muara Wis', role: 'LIAISON', agencyId: 'kukar-kec-640218', expiresAt: 2_000_000_000_000 });
  });

  test('rejects what is not a JWT', () => {
    expect(sessionFromToken('not-a-token')).toBeNull();
    expect(sessionFromToken('a.b.c')).toBeNull();
  });

  test('persists across reloads until it expires', () => {
    saveSession(sessionFromToken(testToken())!);
    expect(loadSession()?.name).toBe('Kasi Pelayanan Umum');
    saveSession(sessionFromToken(testToken({ exp: Math.floor(Date.now() / 1000) - 10 }))!);
    expect(loadSession()).toBeNull();
    expect(window.localStorage.getItem('pantau.session')).toBeNull();
    expect(isExpired(sessionFromToken(testToken({ exp: 1 }))!)).toBe(true);
  });
});
