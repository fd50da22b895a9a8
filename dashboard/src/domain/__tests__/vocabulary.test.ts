import { MALADMINISTRATION_TYPES, maladministrationLabel } from '../vocabulary';
import { humanizeCode, topicLabel } from '../topics';

describe('maladministration names', () => {
  test('the ten Ombudsman RI types, named in Indonesian from the shared vocabulary', () => {
    expect(MALADMINISTRATION_TYPES).toHaveLength(10);
    expect(maladministrationLabel('PENUNDAAN_BERLARUT', 'id')).toBe('Penundaan berlarut');
    expect(maladministrationLabel('PERMINTAAN_IMBALAN', 'en')).toBe('Requesting payment');
    for (const lang of ['id', 'en'] as const) {
      const labels = MALADMINISTRATION_TYPES.map((type) => maladministrationLabel(type, lang));
      // a real name for each type (never the code shown raw), and no two types named alike
      labels.forEach((label, i) => expect(label).not.toBe(MALADMINISTRATION_TYPES[i]));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
  test('UNCLASSIFIED and unknown values', () => {
    expect(maladministrationLabel('UNCLASSIFIED', 'id')).toBe('Belum diklasifikasikan');
    expect(maladministrationLabel('SOMETHING_NEW', 'id')).toBe('SOMETHING_NEW');
  });
});

describe('topic labels', () => {
  test('from the registry in the UI language, humanized code until then', () => {
    const topics = [{ code: 'AIR_BERSIH', labelId: 'Air bersih', labelEn: 'Clean water', asset: false }];
    expect(topicLabel(topics, 'AIR_BERSIH', 'en')).toBe('Clean water');
    expect(topicLabel(undefined, 'AIR_BERSIH', 'id')).toBe('Air bersih');
    expect(humanizeCode('DANA_DESA')).toBe('Dana desa');
  });
});
