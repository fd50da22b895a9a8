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
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { categoryColor, PRIMARY, SECONDARY } from '../domain/palette';

/** Chart text at WCAG AA contrast on white (legend entries default to the series colour). */
const TEXT = '#1f2328';
const TICK = { fontSize: 12, fill: '#3d444d' };
const legendText = (value: string) => <span style={{ color: TEXT }}>{value}</span>;
/** On a phone the category labels take at most ~40 % of the width, so the bars always draw. */
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600;
const fitLabel = (width: number) => (narrow() ? Math.min(width, Math.round(window.innerWidth * 0.36)) : width);

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
export function RankedBarChart({ data, height, color = PRIMARY, categorical, formatValue, onSelect, labelWidth: wantedLabelWidth = 190 }: RankedBarChartProps) {
  const h = height ?? Math.max(120, data.length * 34 + 40);
  const labelWidth = fitLabel(wantedLabelWidth);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: h }}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: narrow() ? 64 : 96, bottom: 4, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" allowDecimals={false} tickFormatter={formatValue} />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={{ ...TICK, fontSize: narrow() ? 11 : 12 }} interval={0} />
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
  /** The bucket covers only part of its period (drawn hollow, label marked). */
  partial?: boolean;
  /** Completions are not all in yet (inside the shaded band). */
  lagging?: boolean;
  /** Text of a spike annotation, when the bucket is unusually high. */
  spike?: string | null;
  /** The marker's own label (e.g. "190 laporan serupa dalam satu hari"); labels.spike otherwise. */
  spikeLabel?: string | null;
}

/**
 * Submitted vs completed per bucket; the two lines differ by colour *and* dash pattern. Partial
 * buckets get a hollow dot, the buckets whose completions are still coming in a shaded band, and a
 * spike a labelled marker.
 */
export function TrendChart({
  data,
  labels,
  height = 280,
  formatValue,
}: {
  data: TrendDatum[];
  labels: { submitted: string; completed: string; lag?: string; spike?: string };
  height?: number;
  formatValue?: (v: number) => string;
}) {
  const lagging = data.filter((d) => d.lagging);
  const dot = (props: { cx?: number; cy?: number; index?: number; stroke?: string }) => {
    const d = props.index != null ? data[props.index] : undefined;
    if (!d?.partial || props.cx == null || props.cy == null) return <g key={props.index} />;
    return <circle key={props.index} cx={props.cx} cy={props.cy} r={4} fill="#fff" stroke={props.stroke} strokeWidth={2} />;
  };
  return (
    <LineChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 18, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" />
      {lagging.length ? (
        <ReferenceArea
          x1={lagging[0].label}
          x2={lagging[lagging.length - 1].label}
          fill="#8C959F"
          fillOpacity={0.18}
          // anchored at the band's right end (the newest buckets, at the plot's right edge) and growing to the
          // left: centred on a narrow band the text ran past the plot and was clipped ("Penyelesaian belu…")
          label={labels.lag ? { value: labels.lag, position: 'insideTopRight', offset: 6, fill: TEXT, fontSize: 11 } : undefined}
        />
      ) : null}
      <XAxis dataKey="label" tick={TICK} minTickGap={16} />
      <YAxis allowDecimals={false} width={56} tick={TICK} tickFormatter={formatValue} />
      <Tooltip formatter={(v) => (formatValue ? formatValue(Number(v)) : String(v))} />
      <Legend formatter={legendText} />
      <Line type="monotone" dataKey="submitted" name={labels.submitted} stroke={PRIMARY} strokeWidth={2} dot={dot} isAnimationActive={false} />
      <Line
        type="monotone"
        dataKey="completed"
        name={labels.completed}
        stroke={SECONDARY}
        strokeWidth={2}
        strokeDasharray="6 3"
        dot={dot}
        isAnimationActive={false}
      />
      {data.map((d, i) =>
        d.spike ? (
          <ReferenceDot
            key={`spike-${d.label}`}
            x={d.label}
            y={d.submitted}
            r={6}
            fill="#fff"
            stroke="#B3261E"
            strokeWidth={2}
            // a long label grows away from the nearer edge of the plot (never clipped at either end)
            label={{
              value: d.spikeLabel ?? labels.spike ?? '!',
              position: d.spikeLabel ? (i >= data.length / 2 ? 'left' : 'right') : 'top',
              offset: 10,
              fill: '#B3261E',
              fontSize: 11,
              fontWeight: 700,
            }}
          />
        ) : null,
      )}
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
      <Legend formatter={legendText} />
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

/** Vertical bars for a histogram (buckets already labelled by the caller); an optional SLA target line. */
export function HistogramChart({
  data,
  color = PRIMARY,
  height = 220,
  formatValue,
  target,
}: {
  data: { label: string; count: number }[];
  color?: string;
  height?: number;
  formatValue?: (v: number) => string;
  /** The bucket label where the SLA target falls, and the line's text. */
  target?: { label: string; text: string } | null;
}) {
  return (
    <BarChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 22, right: 8, bottom: 8, left: 0 }} barCategoryGap={1} accessibilityLayer={false}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ ...TICK, fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={56} />
      <YAxis allowDecimals={false} width={48} tick={TICK} tickFormatter={formatValue} />
      <Tooltip formatter={(v) => (formatValue ? formatValue(Number(v)) : String(v))} />
      <Bar dataKey="count" fill={color} isAnimationActive={false}>
        <LabelList dataKey="count" position="top" style={{ fontSize: 11, fill: TEXT }} formatter={(v: unknown) => (formatValue ? formatValue(Number(v)) : String(v))} />
      </Bar>
      {target ? (
        <ReferenceLine
          x={target.label}
          stroke="#B3261E"
          strokeWidth={2}
          strokeDasharray="5 3"
          label={{ value: target.text, position: 'insideTopRight', fill: '#B3261E', fontSize: 11 }}
          className="sla-target-line"
        />
      ) : null}
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
      <YAxis type="category" dataKey="label" width={fitLabel(labelWidth)} tick={TICK} />
      <Tooltip />
      <Legend formatter={legendText} />
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
  target,
}: {
  data: Record<string, string | number | null>[];
  series: (SeriesDef & { color: string })[];
  height?: number;
  formatValue?: (v: number) => string;
  labelWidth?: number;
  /** A vertical line at a value of the value axis (SLA target in hours). */
  target?: { value: number; text: string } | null;
}) {
  const h = height ?? Math.max(160, data.length * 44 + 60);
  return (
    <BarChart responsive style={{ width: '100%', height: h }} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" tickFormatter={formatValue} tick={TICK} domain={target ? [0, (max: number) => Math.max(max, target.value * 1.1)] : undefined} />
      <YAxis type="category" dataKey="label" width={fitLabel(labelWidth)} tick={TICK} interval={0} />
      <Tooltip formatter={(v) => (formatValue ? formatValue(Number(v)) : String(v))} />
      <Legend formatter={legendText} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
      ))}
      {target ? (
        <ReferenceLine
          x={target.value}
          stroke="#B3261E"
          strokeWidth={2}
          strokeDasharray="5 3"
          label={{ value: target.text, position: 'top', fill: '#B3261E', fontSize: 11 }}
          className="sla-target-line"
        />
      ) : null}
    </BarChart>
  );
}
