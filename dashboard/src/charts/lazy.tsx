/**
 * Lazy handles on the chart components: the first chart on a page pulls the charts chunk
 * (recharts + d3) while the rest of the page — KPI cards, tables, filters — is already usable.
 *
 * Once the chunk is in memory (main.tsx requests it at start-up on chart pages, so usually before
 * the data arrives) a handle renders the chart directly, without suspending: a React.lazy component
 * always suspends on its first render, and React 19 then holds the revealed content back for up to
 * 300 ms after the fallback was shown (Suspense throttling), which delayed every first chart.
 *
 * Charts are also drawn one per frame: a recharts drawing is expensive (it measures its container and
 * its labels in the DOM), and when a page's answers arrive together all its charts used to render and
 * commit in one long task (≈ 1 s on a desktop under load, ≈ 3 s on a throttled phone) before any of
 * them showed. Now the first chart to mount is drawn at once and each further one waits until the
 * previous one has been painted, keeping its place with a placeholder of its height meanwhile.
 */
import { lazy, useEffect, useState, type ComponentType } from 'react';

type Charts = typeof import('./index');

/** The charts module once it has loaded (null before). */
let loaded: Charts | null = null;
let loading: Promise<Charts> | null = null;

const load = (): Promise<Charts> =>
  (loading ??= import('./index').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null; // a failed chunk request may be retried by the next chart
      throw err;
    },
  ));

/** Pages that draw charts: their charts chunk is requested at start-up, alongside the data requests. */
const CHART_PAGES = /^\/(maladministration|response-times|transparency|agencies\/[^/]+|regions(\/.*)?|laporan-bulanan)?\/?$/;

/** Starts loading recharts now (idempotent: one request). */
export function preloadCharts(path: string = typeof window !== 'undefined' ? window.location.pathname : ''): boolean {
  if (!CHART_PAGES.test(path)) return false;
  void load().catch(() => undefined); // the chart that needs it reports the failure
  return true;
}

/** Runs `fn` after the next paint (a frame, then a task), or soon where there are no frames. */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

/** One first drawing per frame: whether a chart is being drawn in this frame, and who waits. */
let drawing = false;
const waiting: (() => void)[] = [];

/** Takes this frame's drawing turn when it is free (it frees itself after the paint). */
function takeTurn(): boolean {
  if (drawing) return false;
  drawing = true;
  afterPaint(() => {
    drawing = false;
    waiting.shift()?.();
  });
  return true;
}

/** True once the chart may draw: at once for the first, after the previous chart's paint for others. */
function useDrawingTurn(): boolean {
  const [turn, setTurn] = useState(takeTurn);
  useEffect(() => {
    if (turn) return;
    const ask = () => (takeTurn() ? setTurn(true) : waiting.unshift(ask));
    // the turn may have been freed between this chart's render and this effect (effects run after the
    // paint, and so may the release): then nobody would call `ask`, so try once here first
    if (takeTurn()) {
      setTurn(true);
      return;
    }
    waiting.push(ask);
    return () => {
      const i = waiting.indexOf(ask);
      if (i >= 0) waiting.splice(i, 1);
    };
  }, [turn]);
  return turn;
}

/** A chart: drawn at its turn when the chunk is loaded, through React.lazy (suspending) before. */
function chart<P extends { height?: number }>(name: string, pick: (m: Charts) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => load().then((m) => ({ default: pick(m) })));
  function Chart(props: P) {
    const turn = useDrawingTurn();
    if (!turn) return <div className="chart-loading" style={{ height: props.height ?? 280 }} />;
    const Drawing: ComponentType<P> = loaded ? pick(loaded) : Lazy;
    return <Drawing {...props} />;
  }
  Chart.displayName = name;
  return Chart;
}

export const RankedBarChart = chart('RankedBarChart', (m) => m.RankedBarChart);
export const TrendChart = chart('TrendChart', (m) => m.TrendChart);
export const MultiLineChart = chart('MultiLineChart', (m) => m.MultiLineChart);
export const HistogramChart = chart('HistogramChart', (m) => m.HistogramChart);
export const StackedBarChart = chart('StackedBarChart', (m) => m.StackedBarChart);
export const GroupedBarChart = chart('GroupedBarChart', (m) => m.GroupedBarChart);

export type { BarDatum, TrendDatum, SeriesDef } from './index';
