import { parseFilters, resolvePeriod } from '../filters';
import { explorerStateFrom } from '../reportFilter';

const TODAY = new Date(2026, 2, 15);
const state = (qs: string) => {
  const params = new URLSearchParams(qs);
  const filters = parseFilters(params);
  return explorerStateFrom(filters, resolvePeriod(filters, TODAY), params);
};

describe('reports explorer URL state', () => {
  test('maps the URL onto ReportFilter, search, order and cursor', () => {
    const s = state('agency=kukar-pupr&region=64.02&topic=JALAN&status=IN_PROGRESS,SUBMITTED,BOGUS&type=PERMINTAAN_IMBALAN&overdue=1&q=%20jalan%20&sort=SUBMITTED_AT_ASC&after=c2');
    expect(s.filter).toMatchObject({
      agencyId: 'kukar-pupr',
      regionCode: '64.02',
      topic: 'JALAN',
      status: ['IN_PROGRESS', 'SUBMITTED'],
      maladministrationType: 'PERMINTAAN_IMBALAN',
      overdue: true,
    });
    expect(s.filter.from).toBeDefined();
    expect(s.search).toBe('jalan');
    expect(s.orderBy).toBe('SUBMITTED_AT_ASC');
    expect(s.after).toBe('c2');
  });

  test('UNCLASSIFIED becomes unclassified: true; unknown values are ignored', () => {
    expect(state('type=UNCLASSIFIED').filter).toMatchObject({ unclassified: true });
    expect(state('type=UNCLASSIFIED').filter.maladministrationType).toBeUndefined();
    const s = state('type=NOPE&sort=RANDOM');
    expect(s.filter.maladministrationType).toBeUndefined();
    expect(s.filter.unclassified).toBeUndefined();
    expect(s.orderBy).toBe('SUBMITTED_AT_DESC');
  });
});
