/**
 * Lazy handles on the chart components: the first chart on a page pulls the charts chunk
 * (recharts + d3) while the rest of the page — KPI cards, tables, filters — is already usable.
 */
import { lazy } from 'react';

const load = () => import('./index');

/** Pages that draw charts: their charts chunk is requested at start-up, alongside the data requests. */
const CHART_PAGES = /^\/(maladministration|response-times|transparency|agencies\/[^/]+|regions(\/.*)?|laporan-bulanan)?\/?$/;

/** Starts loading recharts now (idempotent: the module system keeps one request). */
export function preloadCharts(path: string = typeof window !== 'undefined' ? window.location.pathname : ''): boolean {
  if (!CHART_PAGES.test(path)) return false;
  void load();
  return true;
}

export const RankedBarChart = lazy(() => load().then((m) => ({ default: m.RankedBarChart })));
export const TrendChart = lazy(() => load().then((m) => ({ default: m.TrendChart })));
export const MultiLineChart = lazy(() => load().then((m) => ({ default: m.MultiLineChart })));
export const HistogramChart = lazy(() => load().then((m) => ({ default: m.HistogramChart })));
export const StackedBarChart = lazy(() => load().then((m) => ({ default: m.StackedBarChart })));
export const GroupedBarChart = lazy(() => load().then((m) => ({ default: m.GroupedBarChart })));

export type { BarDatum, TrendDatum, SeriesDef } from './index';
