import { createRequest, getOperationName } from 'urql';
import { renderApp } from '../../test/renderApp';
import { analyticsHandlers, registryHandlers } from '../../test/fixtures';
import { createPantauClient, primeClient } from '../client';
import { firstViewRequests, overviewRequests } from '../prefetch';

beforeEach(() => window.localStorage.clear());

const OVERVIEW_OPERATIONS = ['OverviewKpis', 'ReportTrend', 'OverviewBreakdown'];

describe('the overview prefetch asks exactly what the overview page asks', () => {
  test.each([
    '',
    '?period=all',
    '?period=30d&region=64.02&agency=kukar-pupr&topic=JALAN',
    '?period=custom&from=2026-01-01&to=2026-03-31',
    '?period=7d&lang=en',
    '?period=ytd',
  ])('/%s', async (search) => {
    const { calls } = await renderApp(`/${search}`, { ...registryHandlers, ...analyticsHandlers });
    const asked = calls
      .filter((op) => OVERVIEW_OPERATIONS.includes(getOperationName(op.query) ?? ''))
      .map((op) => `${getOperationName(op.query)} ${op.key}`);
    const prefetched = overviewRequests(search).map((r) => `${getOperationName(createRequest(r.query, r.variables).query)} ${createRequest(r.query, r.variables).key}`);
    expect([...new Set(asked)].sort()).toEqual([...prefetched].sort());
  });

  test('only the overview is prefetched', () => {
    expect(firstViewRequests('/', '?period=30d')).toHaveLength(3);
    for (const path of ['/maladministration', '/lapor', '/lacak', '/reports', '/sign-in']) expect(firstViewRequests(path, '')).toEqual([]);
  });
});

describe('primed client', () => {
  test('the first client for the same viewer and language is the primed one, once; others are new', () => {
    const primed = primeClient({ token: null, lang: 'id' });
    expect(createPantauClient({ token: 'tok', lang: 'id' })).not.toBe(primed);
    expect(createPantauClient({ token: null, lang: 'en' })).not.toBe(primed);
    expect(createPantauClient({ token: null, lang: 'id' })).toBe(primed);
    expect(createPantauClient({ token: null, lang: 'id' })).not.toBe(primed);
  });
});
