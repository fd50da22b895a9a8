import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { analyticsHandlers, KPIS, registryHandlers } from '../../test/fixtures';
import { figureText, withheldBelow } from '../../domain/suppression';

beforeEach(() => window.localStorage.clear());

const WITHHELD = { suppressedBelow: 5, suppressedFields: ['volume', 'open', 'satisfaction', 'byTopic'] };

describe('figures withheld by small-cell protection', () => {
  test('withheldBelow / figureText: only a null the object names as withheld', () => {
    expect(withheldBelow(null, WITHHELD, 'volume')).toBe(5);
    expect(withheldBelow(null, WITHHELD, 'completionRate')).toBeNull(); // no data, not withheld
    expect(withheldBelow(3, WITHHELD, 'volume')).toBeNull();
    expect(withheldBelow(null, { suppressedBelow: 5 })).toBe(5); // an item (slice, topic count)
    expect(withheldBelow(null, { suppressedBelow: null })).toBeNull(); // staff
    expect(figureText(String, null, WITHHELD, 'volume')).toBe('< 5');
    expect(figureText((v) => (v == null ? '–' : String(v)), null, WITHHELD, 'completionRate')).toBe('–');
  });

  test('KPI cards and topic counts show "< 5" with the reason, never 0', async () => {
    await renderApp('/', {
      ...registryHandlers,
      ...analyticsHandlers,
      OverviewKpis: () => ({
        current: { ...KPIS, volume: null, open: null, satisfaction: null, ...WITHHELD },
        previous: { ...KPIS, volume: null, open: null, satisfaction: null, ...WITHHELD },
      }),
      OverviewBreakdown: () => ({
        analyticsOverview: {
          byTopic: [
            { topic: 'JALAN', count: 75, suppressedBelow: null },
            { topic: 'KESEHATAN', count: null, suppressedBelow: 5 },
          ],
          byStatus: [{ status: 'SUBMITTED', count: null, suppressedBelow: 5 }],
        },
      }),
    });
    const volume = await screen.findByRole('group', { name: /^Laporan masuk: < 5 \(disembunyikan: kurang dari 5 laporan\)/ });
    expect(volume.querySelector('.kpi-value')!.textContent).toBe('< 5');
    expect(volume.querySelector('.kpi-value')!.getAttribute('title')).toBe('disembunyikan: kurang dari 5 laporan');
    // a figure with no data is not "withheld"
    expect(screen.getByRole('group', { name: /^Tingkat penyelesaian: 62,5%/ })).toBeTruthy();
    const topics = (await screen.findByRole('heading', { name: 'Jumlah laporan per topik', level: 2 })).closest('section') as HTMLElement;
    const rows = within(await within(topics).findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Jalan75', 'Kesehatan< 5']);
  });
});
