import { Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { ExportTools, slug } from './ExportTools';

export interface ChartTable {
  columns: string[];
  rows: ReactNode[][];
}

interface ChartFigureProps {
  /** Short name of the chart (used in the table caption). */
  title: string;
  /** One-sentence text alternative, read as the figure's label. */
  summary: string;
  table: ChartTable;
  height?: number;
  hint?: string;
  /** Visible notes under the chart (partial buckets, lag, spikes, targets). */
  notes?: string[];
  /** Anchor for the copy-link button (default: from the title). */
  anchor?: string;
  children: ReactNode;
}

/**
 * A chart with its text alternative: the figure is labelled by a one-line summary, the drawing is
 * hidden from assistive technology, and the same numbers sit in a visually hidden table (shown when
 * it holds keyboard focus, so links in it — the drill-downs — are usable without a mouse).
 * The chart component itself is lazy (recharts is its own chunk), so it suspends here.
 */
export function ChartFigure({ title, summary, table, height = 280, hint, notes, anchor, children }: ChartFigureProps) {
  const { t } = useI18n();
  const id = anchor ?? slug(title);
  return (
    <figure className="chart-figure" aria-label={summary} id={id}>
      <ExportTools title={title} anchor={id} columns={table.columns} rows={table.rows} />
      <div className="chart-canvas" aria-hidden="true">
        <Suspense
          fallback={
            <div className="chart-loading" style={{ height }}>
              {t('chart.loading')}
            </div>
          }
        >
          {children}
        </Suspense>
      </div>
      {hint ? <figcaption className="chart-hint">{hint}</figcaption> : null}
      {notes?.length ? (
        <ul className="chart-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="sr-only sr-only-focusable chart-table">
      <table>
        <caption>{t('chart.tableCaption', { title })}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

/** "A 120, B 40, C 12 …" — the first few items of a series for a figure's label. */
export function summarize(items: { label: string; value: string }[], max = 5): string {
  const head = items.slice(0, max).map((i) => `${i.label} ${i.value}`);
  return head.join(', ') + (items.length > max ? ', …' : '');
}
