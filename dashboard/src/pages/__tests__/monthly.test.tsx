import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { analyticsHandlers, KPIS, registryHandlers } from '../../test/fixtures';
import { reportMonth } from '../MonthlyReportPage';
import { trackingIdParts } from '../LaporPage';

describe('monthly report (Laporan bulanan)', () => {
  test('the month comes from the URL, else the last whole month; never a future month', () => {
    expect(reportMonth('2026-10', '2026-11-30')).toBe('2026-10');
    expect(reportMonth(null, '2026-11-30')).toBe('2026-10');
    expect(reportMonth('2027-01', '2026-11-30')).toBe('2026-10');
    expect(reportMonth('2026-13', '2026-01-05')).toBe('2025-12');
  });

  test('one month of the regency by default, key figures with their definitions, the month in the zone', async () => {
    const { callsTo } = await renderApp('/laporan-bulanan?month=2026-10', {
      ...registryHandlers,
      ...analyticsHandlers,
      MonthlyReport: () => ({
        current: { ...KPIS, byTopic: [{ topic: 'JALAN', count: 30 }] },
        now: { open: 40, overdue: 25 },
        trend: [{ periodStart: '2026-10-01', submitted: 3, completed: 1 }],
        malad: { total: 10, slices: [{ type: 'PENUNDAAN_BERLARUT', count: 6, share: 0.6 }, { type: 'UNCLASSIFIED', count: 4, share: 0.4 }] },
        sla: { overall: 0.8, steps: [{ step: 'VERIFICATION', onTime: 8, late: 2, overdueOpen: 0, compliance: 0.8 }] },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporan bulanan' })).toBeTruthy();
    const v = callsTo('MonthlyReport')[0].variables;
    expect(v.filter).toEqual({ from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z', regionCode: '64.02' });
    expect(v.now).toEqual({ regionCode: '64.02' });
    const table = await screen.findByRole('table', { name: 'Angka utama' });
    await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'Terlambat saat ini' })).toBeTruthy());
    expect(table.textContent).toContain('Laporan selesai ÷ laporan yang sudah didisposisikan');
    expect(screen.getByTestId('monthly-subtitle').textContent).toContain('Oktober 2026');
  });
});

test('the tracking ID breaks only at hyphens, never before its check character', () => {
  expect(trackingIdParts('LPR-7K2P-Q9XM-3HTA-Z')).toEqual({ head: 'LPR-7K2P-Q9XM-', tail: '3HTA-Z' });
});
