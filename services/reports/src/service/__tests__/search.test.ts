import { fts5Query, mysqlBooleanQuery, searchTerms } from '../search';

describe('search terms', () => {
  it('keeps only words, lower-cased, deduplicated', () => {
    expect(searchTerms('Jalan RUSAK, jalan "berlubang" -parah* OR 1=1')).toEqual(['jalan', 'rusak', 'berlubang', 'parah', 'or', '1']);
    expect(searchTerms('  ')).toEqual([]);
  });
  it('builds dialect queries that cannot inject operators', () => {
    expect(fts5Query(searchTerms('jalan rusak'))).toBe('"jalan"* "rusak"*');
    expect(fts5Query([])).toBeNull();
    expect(mysqlBooleanQuery(searchTerms('jalan di km 12'))).toEqual({ match: '+jalan*', short: ['di', 'km', '12'] });
  });
});
