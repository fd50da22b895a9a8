/**
 * Every recharts drawing of the dashboard. This module is only reached through dynamic import
 * (charts/lazy.tsx), so recharts and d3 land in their own chunks, off the initial load.
 * The drawings are decorative for assistive technology (ChartFigure hides them and provides a
 * table), so recharts' own keyboard layer is off: nothing focusable inside an aria-hidden region.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { categoryColor, PRIMARY, SECONDARY } from '../domain/palette';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** Text drawn at the end of the bar (count and share). */
  valueLabel?: string;
  /** Overrides the chart's colour for this bar (e.g. grey for "unclassified"). */
  color?: string;
}

interface RankedBarChartProps {
  data: BarDatum[];
  height?: number;
  color?: string;
  /** Distinct colour per bar (categories) instead of one colour. */
  categorical?: boolean;
  formatValue?: (v: number) => string;
  onSelect?: (key: string) => void;
  labelWidth?: number;
}

/** Horizontal bars, largest first (the caller sorts), labelled with their value. */
export function RankedBarChart({ data, height, color = PRIMARY, categorical, formatValue, onSelect, labelWidth = 190 }: RankedBarChartProps) {
  const h = height ?? Math.max(120, data.length * 34 + 40);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: h }}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 96, bottom: 4, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" allowDecimals={false} tickFormatter={formatValue} />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
      {/* a bar's own label when it has one (a withheld figure is drawn empty and labelled "< 5") */}
      <Tooltip
        formatter={(v, _name, item) => (item?.payload?.valueLabel as string | undefined) ?? (formatValue ? formatValue(Number(v)) : String(v))}
        cursor={{ fill: 'rgba(11,92,173,0.08)' }}
      />
      <Bar
        dataKey="value"
        fill={color}
        isAnimationActive={false}
        cursor={onSelect ? 'pointer' : undefined}
        onClick={onSelect ? (entry: any) => entry?.payload?.key && onSelect(entry.payload.key) : undefined}
      >
        {categorical || data.some((d) => d.color)
          ? data.map((d, i) => <Cell key={d.key} fill={d.color ?? (categorical ? categoryColor(i) : color)} />)
          : null}
        <LabelList dataKey="valueLabel" position="right" style={{ fontSize: 12, fill: '#1f2328' }} />
      </Bar>
    </BarChart>
  );
}

export interface TrendDatum {
  label: string;
  submitted: number;
  completed: number;
}

/** Submitted vs completed per bucket; the two lines differ by colour *and* dash pattern. */
export function TrendChart({ data, labels, height = 280 }: { data: TrendDatum[]; labels: { submitted: string; completed: string }; height?: number }) {
  return (
    <LineChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
      <YAxis allowDecimals={false} width={48} />
      <Tooltip />
      <Legend />
      <Line type="monotone" dataKey="submitted" name={labels.submitted} stroke={PRIMARY} strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line
        type="monotone"
        dataKey="completed"
        name={labels.completed}
        stroke={SECONDARY}
        strokeWidth={2}
        strokeDasharray="6 3"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

export interface SeriesDef {
  key: string;
  label: string;
}

/** Several series over the same buckets (maladministration per type per month). */
export function MultiLineChart({ data, series, height = 300 }: { data: Record<string, string | number>[]; series: SeriesDef[]; height?: number }) {
  const dashes = ['', '6 3', '2 2', '8 3 2 3', '1 3'];
  return (
    <LineChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis allowDecimals={false} width={40} />
      <Tooltip />
      <Legend />
      {series.map((s, i) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.label}
          stroke={categoryColor(i)}
          strokeDasharray={dashes[i % dashes.length]}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/** Vertical bars for a histogram (buckets already labelled by the caller). */
export function HistogramChart({ data, color = PRIMARY, height = 220 }: { data: { label: string; count: number }[]; color?: string; height?: number }) {
  return (
    <BarChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 16, right: 8, bottom: 8, left: 0 }} barCategoryGap={1} accessibilityLayer={false}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={56} />
      <YAxis allowDecimals={false} width={40} />
      <Tooltip />
      <Bar dataKey="count" fill={color} isAnimationActive={false}>
        <LabelList dataKey="count" position="top" style={{ fontSize: 11, fill: '#1f2328' }} />
      </Bar>
    </BarChart>
  );
}

/** Stacked horizontal bars (SLA per step: on time / late / overdue open). */
export function StackedBarChart({
  data,
  series,
  height,
  labelWidth = 210,
}: {
  data: Record<string, string | number | null>[];
  series: (SeriesDef & { color: string })[];
  height?: number;
  labelWidth?: number;
}) {
  const h = height ?? Math.max(140, data.length * 48 + 60);
  return (
    <BarChart responsive style={{ width: '100%', height: h }} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" allowDecimals={false} />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} />
      <Tooltip />
      <Legend />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

/** Paired bars per category (p50 and p90 per agency). */
export function GroupedBarChart({
  data,
  series,
  height,
  formatValue,
  labelWidth = 220,
}: {
  data: Record<string, string | number | null>[];
  series: (SeriesDef & { color: string })[];
  height?: number;
  formatValue?: (v: number) => string;
  labelWidth?: number;
}) {
  const h = height ?? Math.max(160, data.length * 44 + 60);
  return (
    <BarChart responsive style={{ width: '100%', height: h }} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" tickFormatter={formatValue} />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip formatter={(v) => (formatValue ? formatValue(Number(v)) : String(v))} />
      <Legend />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
