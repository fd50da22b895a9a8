import { agencyKindLabel } from '../agencyKinds';

test('agency kinds read as words in both languages, never as raw codes', () => {
  expect(agencyKindLabel('PUBLIC_WORKS', 'id')).toBe('Pekerjaan umum dan penataan ruang');
  expect(agencyKindLabel('PUBLIC_WORKS', 'en')).toBe('Public works');
  expect(agencyKindLabel('SOME_NEW_KIND', 'en')).toBe('Some new kind');
});
