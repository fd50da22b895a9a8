import { preloadCharts } from '../lazy';

test('the charts chunk is requested at start-up on pages that draw charts only', () => {
  for (const path of ['/', '/maladministration', '/response-times', '/transparency', '/agencies/kukar-pupr', '/regions', '/regions/64.02', '/laporan-bulanan']) {
    expect([path, preloadCharts(path)]).toEqual([path, true]);
  }
  for (const path of ['/lapor', '/lacak', '/reports', '/reports/abc', '/sign-in', '/playground', '/agencies']) {
    expect([path, preloadCharts(path)]).toEqual([path, false]);
  }
});
