import { decodeCursor, encodeCursor, pageSize, paginateArray } from '../pagination';
import { storeConfig } from '../datasource';
import { signStaffToken, verifyStaffToken, bearerToken } from '../auth';
import { signServiceToken, verifyServiceToken } from '../service-auth';
import { Role } from '../vocabulary';

describe('pagination', () => {
  it('round-trips cursors and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor(['a', 1]), 2)).toEqual(['a', 1]);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/not valid/);
    expect(() => decodeCursor('%%%', 1)).toThrow(/not valid/);
  });
  it('caps page size at 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/between 0 and 100/);
    expect(() => pageSize(-1)).toThrow();
  });
  it('pages an array', () => {
    const first = paginateArray([1, 2, 3], { first: 2 });
    expect(first.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = paginateArray([1, 2, 3], { first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node)).toEqual([3]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(3);
  });
});

describe('storeConfig', () => {
  it('falls back to an embedded SQLite file per service', () => {
    const c = storeConfig('reports', { PANTAU_DATA_DIR: '/srv/pantau' });
    expect(c).toEqual({ kind: 'sqlite', path: '/srv/pantau/reports.sqlite' });
  });
  it('maps a MySQL/MariaDB URL to one database per service', () => {
    expect(storeConfig('agencies', { DATABASE_URL: 'mysql://u:p@db:3306' })).toEqual({
      kind: 'mysql',
      url: 'mysql://u:p@db:3306/',
      database: 'pantau_agencies',
    });
    expect(storeConfig('analytics', { DATABASE_URL: 'mariadb://db/kukar' })).toMatchObject({ database: 'kukar_analytics' });
    expect(storeConfig('analytics', { DATABASE_URL: 'mysql://a/x', ANALYTICS_DATABASE_URL: 'mysql://b/y' })).toMatchObject({
      url: 'mysql://b/',
      database: 'y_analytics',
    });
  });
  it('refuses other URLs clearly', () => {
    expect(() => storeConfig('reports', { DATABASE_URL: 'postgres://x' })).toThrow(/mysql:\/\/ or mariadb:\/\//);
  });
});

describe('tokens', () => {
  const viewer = { id: 'u1', email: 'a@b.id', name: 'A', role: Role.LIAISON, agencyId: 'kukar-pupr' };
  it('verifies a staff token and returns the viewer', async () => {
    expect(await verifyStaffToken(await signStaffToken(viewer))).toEqual({ ...viewer, tokenVersion: 0 });
  });
  it('keeps staff and service tokens apart', async () => {
    const service = await signServiceToken('analytics');
    expect(await verifyServiceToken(service)).toEqual({ service: 'analytics' });
    await expect(verifyStaffToken(service)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verifyServiceToken(await signStaffToken(viewer))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
  it('says why a token is refused', async () => {
    await expect(verifyStaffToken(await signStaffToken(viewer, { ttlSeconds: -5 }))).rejects.toThrow(/expired/);
    expect(() => bearerToken('Basic abc')).toThrow(/Bearer/);
    expect(bearerToken(undefined)).toBeNull();
  });
});
