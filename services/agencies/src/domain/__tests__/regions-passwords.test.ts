import { RegionLevel } from '@pantau/common';
import { isCityCode, isKelurahanCode, isRegionCode, levelOf, lineage, parentCode, regionCodeArg } from '../regions';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords';

describe('region codes', () => {
  it('derives level, parent and lineage from the code', () => {
    expect(levelOf('64')).toBe(RegionLevel.PROVINCE);
    expect(levelOf('64.02')).toBe(RegionLevel.REGENCY);
    expect(levelOf('64.02.18')).toBe(RegionLevel.DISTRICT);
    expect(levelOf('64.02.18.2001')).toBe(RegionLevel.VILLAGE);
    expect(parentCode('64.02.18.2001')).toBe('64.02.18');
    expect(parentCode('64')).toBeNull();
    expect(lineage('64.02.18')).toEqual(['64', '64.02', '64.02.18']);
  });
  it('rejects malformed codes', () => {
    for (const bad of ['6', '64.2', '64.02.18.201', '64-02', '', '64.02.18.2001.1']) expect(isRegionCode(bad)).toBe(false);
    expect(() => levelOf('x')).toThrow();
  });
  it('accepts only Kemendagri codes as filter arguments (no LIKE wildcards), as BAD_USER_INPUT naming the argument', () => {
    expect(regionCodeArg(' 64.02 ', 'within')).toBe('64.02');
    for (const bad of ['%', '64%', '6_', '64.__', '64.02.%', '64\\', '', ' ']) {
      expect(() => regionCodeArg(bad, 'within')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'within' }) }));
    }
  });
  it('tells cities and kelurahan apart', () => {
    expect(isCityCode('64.72')).toBe(true);
    expect(isCityCode('64.02')).toBe(false);
    expect(isKelurahanCode('64.02.06.1001')).toBe(true);
    expect(isKelurahanCode('64.02.18.2001')).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('correct horse 1');
    const b = await hashPassword('correct horse 1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse 1', a)).toBe(true);
    expect(await verifyPassword('correct horse 2', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('explains a weak password', () => {
    expect(passwordProblem('short1')).toMatch(/10 characters/);
    expect(passwordProblem('onlyletterss')).toMatch(/mix/);
    expect(passwordProblem('letters-and-1')).toBeNull();
  });
});
