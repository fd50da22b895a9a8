import express from 'express';
import { stringify } from 'csv-stringify/sync';
import { sendJsonError, type ErrorKey, type Logger } from '@pantau/common';
import { SLA_DAYS } from '@pantau/contract';
import { zoneOffsetMinutes, defaultTimeZone } from './format';
import { run, UpstreamError, type GraphQLExecutor } from './graphql';

/**
 * Open data (issue 14): the public analytics figures per month and agency as CSV plus a Frictionless Data
 * Package descriptor. Every figure is read through the gateway's executor as a signed-out client, so small-cell
 * suppression (k = PANTAU_SMALL_CELL_K, default 5), secondary suppression and whole-day periods are exactly the
 * dashboard's public view: an empty cell is a withheld figure, never a zero.
 */

export const STATUSES = ['SUBMITTED', 'DISPOSITIONED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'ARCHIVED'] as const;
export const MALADMINISTRATION = [
  'PENUNDAAN_BERLARUT',
  'TIDAK_MEMBERIKAN_PELAYANAN',
  'TIDAK_KOMPETEN',
  'PENYALAHGUNAAN_WEWENANG',
  'PERMINTAAN_IMBALAN',
  'PENYIMPANGAN_PROSEDUR',
  'BERTINDAK_TIDAK_PATUT',
  'BERPIHAK',
  'KONFLIK_KEPENTINGAN',
  'DISKRIMINASI',
  'UNCLASSIFIED',
] as const;

const CC_BY = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' };
const ODBL = { name: 'ODbL-1.0', title: 'Open Data Commons Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' };

type Field = { name: string; type: string; format?: string; title: string; description: string; constraints?: Record<string, unknown> };

const month: Field = { name: 'month', type: 'yearmonth', title: 'Bulan', description: 'Month of submission (YYYY-MM) in the reporting time zone (Asia/Makassar, WITA); membership by submittedAt.', constraints: { required: true } };
const agencyId: Field = { name: 'agency_id', type: 'string', title: 'ID instansi', description: 'The agency the reports are routed to now (see agencies.csv).', constraints: { required: true } };
const suppressed: Field = { name: 'suppressed', type: 'boolean', title: 'Disembunyikan', description: 'True when the count is withheld because it comes from 1 to k-1 reports (k = 5 by default), or to keep another withheld cell from being computed from the total.', constraints: { required: true } };
const rate = (name: string, title: string, description: string): Field => ({ name, type: 'number', title, description: `${description} Empty when withheld (fewer than k reports) or without data.`, constraints: { minimum: 0, maximum: 1 } });
const hours = (name: string, title: string, description: string): Field => ({ name, type: 'number', title, description: `${description} Calendar hours; empty when withheld (fewer than k durations) or without data.`, constraints: { minimum: 0 } });
const count = (name: string, title: string, description: string): Field => ({ name, type: 'integer', title, description: `${description} Empty when withheld.`, constraints: { minimum: 0 } });

export const RESOURCES: Array<{ name: string; title: string; description: string; fields: Field[]; primaryKey: string[]; regionNames?: boolean }> = [
  {
    name: 'agencies',
    title: 'Instansi',
    description: 'Agencies that appear in the figures, with the Kemendagri region they serve. Region names come from idn-area-data (ODbL 1.0).',
    regionNames: true,
    primaryKey: ['agency_id'],
    fields: [
      { ...agencyId, description: 'Agency id in Pantau.' },
      { name: 'agency_name', type: 'string', title: 'Nama instansi', description: 'Agency name (Indonesian).', constraints: { required: true } },
      { name: 'agency_level', type: 'string', title: 'Tingkat', description: 'Level of government.', constraints: { enum: ['NATIONAL', 'PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'] } },
      { name: 'agency_kind', type: 'string', title: 'Jenis', description: 'Kind of agency, e.g. PUBLIC_WORKS, HEALTH.' },
      { name: 'region_code', type: 'string', title: 'Kode wilayah', description: 'Kemendagri code of the region the agency serves.', constraints: { pattern: '\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?' } },
      { name: 'region_name', type: 'string', title: 'Nama wilayah', description: 'Name of that region (idn-area-data, ODbL 1.0).' },
    ],
  },
  {
    name: 'reports_monthly',
    title: 'Laporan per bulan, instansi, topik dan status',
    description: 'Reports submitted per month × agency × topic × current status (rows with no reports are left out; agency-months with fewer than k reports are left out entirely).',
    primaryKey: ['month', 'agency_id', 'topic', 'status'],
    fields: [
      month,
      agencyId,
      { name: 'topic', type: 'string', title: 'Topik', description: 'Service topic code (Open311 service_code).', constraints: { required: true } },
      { name: 'status', type: 'string', title: 'Status', description: 'Current status of the reports.', constraints: { required: true, enum: [...STATUSES] } },
      count('reports', 'Jumlah laporan', 'Reports.'),
      suppressed,
    ],
  },
  {
    name: 'maladministration_monthly',
    title: 'Maladministrasi per bulan dan instansi',
    description: 'Reports per maladministration type (Ombudsman RI, Per-ORI 26/2017 art. 11) per month and agency, with their share of the agency-month.',
    primaryKey: ['month', 'agency_id', 'maladministration_type'],
    fields: [
      month,
      agencyId,
      { name: 'maladministration_type', type: 'string', title: 'Jenis maladministrasi', description: 'Type, or UNCLASSIFIED.', constraints: { required: true, enum: [...MALADMINISTRATION] } },
      count('reports', 'Jumlah laporan', 'Reports of this type.'),
      rate('share', 'Proporsi', 'Share of the agency-month reports (0-1).'),
      suppressed,
    ],
  },
  {
    name: 'performance_monthly',
    title: 'Waktu tanggapan dan kepatuhan SLA per bulan dan instansi',
    description: 'Volumes, response times (exact nearest-rank percentiles) and SLA compliance per month and agency, as the dashboard computes them.',
    primaryKey: ['month', 'agency_id'],
    fields: [
      month,
      agencyId,
      count('reports', 'Jumlah laporan', 'Reports submitted.'),
      count('open', 'Terbuka', 'Reports not completed or archived.'),
      count('overdue', 'Terlambat', 'Open reports with a step past its due date now.'),
      rate('completion_rate', 'Tingkat penyelesaian', 'Completed / dispositioned.'),
      hours('verification_p50_hours', 'Verifikasi p50', 'Time to verification (dispositionedAt − submittedAt), median.'),
      hours('verification_p90_hours', 'Verifikasi p90', 'Time to verification, 90th percentile.'),
      hours('first_response_p50_hours', 'Tanggapan pertama p50', 'Agency time to first response (firstResponseAt − dispositionedAt), median.'),
      hours('first_response_p90_hours', 'Tanggapan pertama p90', 'Agency time to first response, 90th percentile.'),
      hours('first_response_mean_hours', 'Tanggapan pertama rata-rata', 'Agency time to first response, mean.'),
      hours('completion_p50_hours', 'Penyelesaian p50', 'Time to completion (completedAt − submittedAt), median.'),
      hours('completion_p90_hours', 'Penyelesaian p90', 'Time to completion, 90th percentile.'),
      rate('sla_verification', 'SLA verifikasi', `Verification within ${SLA_DAYS.verification} working days: on time / (done + overdue and not done).`),
      rate('sla_first_response', 'SLA tanggapan pertama', `First response within ${SLA_DAYS.firstResponse} working days of disposition.`),
      rate('sla_completion', 'SLA penyelesaian', 'Completion within 14 (or 60) working days of disposition.'),
      rate('sla_overall', 'SLA keseluruhan', 'All three steps together.'),
      { name: 'transparency_index', type: 'number', title: 'Indeks transparansi', description: 'Transparency index 0-100 (design brief). Empty when withheld or without data.', constraints: { minimum: 0, maximum: 100 } },
      { name: 'suppressed_fields', type: 'string', title: 'Kolom disembunyikan', description: 'Semicolon-separated names of the columns of this row withheld by small-cell protection.' },
    ],
  },
];

export interface OpenDataPackage {
  created: string;
  /** The monthly trend the package was built from: a cheap check whether the figures moved since. */
  fingerprint: string;
  descriptor: Record<string, unknown>;
  files: Map<string, string>;
}

export interface OpenDataOptions {
  execute: GraphQLExecutor;
  logger?: Logger;
  /** Seconds a generated package is served before it is regenerated (PANTAU_OPEN_DATA_TTL_SECONDS, default 900). */
  ttlSeconds?: number;
  /** Operations in flight at once while generating (default 3). */
  concurrency?: number;
  /** A package younger than this is served without any check (default 10 s). */
  minAgeSeconds?: number;
}

const TREND = 'query OpenDataMonths { reportTrend(interval: MONTH) { periodStart submitted completed suppressed } }';
type TrendData = { reportTrend: Array<{ periodStart: string; submitted: number | null; completed: number | null; suppressed: boolean }> | null };
const LEADERBOARD = `query OpenDataAgencies($f: AnalyticsFilter) {
  agencyLeaderboard(filter: $f, orderBy: REPORT_COUNT, minReports: 1, first: 100) {
    agency { id name level kind region { code name } }
    performance { reportCount open overdue completionRate transparencyIndex suppressedFields }
  }
}`;
const AGENCY_MONTH = `query OpenDataAgencyMonth($f: AnalyticsFilter) {
  analyticsOverview(filter: $f) { byTopic { topic count suppressed } }
  maladministrationBreakdown(filter: $f) { slices { type count share suppressed } }
  responseTimeStats(filter: $f) {
    verification { p50Hours p90Hours suppressedFields }
    firstResponseAgency { p50Hours p90Hours meanHours suppressedFields }
    completion { p50Hours p90Hours suppressedFields }
  }
  slaCompliance(filter: $f) { overall suppressedFields steps { step compliance suppressedFields } }
}`;

const statusQuery = (n: number) =>
  `query OpenDataStatus(${Array.from({ length: n }, (_, i) => `$f${i}: AnalyticsFilter`).join(', ')}) { ${Array.from(
    { length: n },
    (_, i) => `t${i}: analyticsOverview(filter: $f${i}) { byStatus { status count suppressed } }`,
  ).join(' ')} }`;

/** [from, to) of a month given as YYYY-MM, in the reporting zone. */
export function monthRange(ym: string, timeZone = defaultTimeZone()): { from: string; to: string } {
  const [y, m] = ym.split('-').map(Number);
  const start = (yy: number, mm: number) => {
    const guess = new Date(Date.UTC(yy, mm - 1, 1));
    return new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000).toISOString();
  };
  return { from: start(y, m), to: m === 12 ? start(y + 1, 1) : start(y, m + 1) };
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

const csv = (header: string[], rows: unknown[][]) => stringify([header, ...rows], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
const cell = (v: unknown) => (v === null || v === undefined ? '' : v);

/** Generates the whole package from the public analytics API. */
export async function generateOpenData(execute: GraphQLExecutor, opts: { concurrency?: number; origin?: string } = {}): Promise<OpenDataPackage> {
  const ctx = {};
  const created = new Date().toISOString();
  const trend = await run<TrendData>(execute, TREND, {}, ctx);
  const months = (trend.reportTrend ?? []).filter((p) => (p.submitted ?? 0) > 0 || p.suppressed).map((p) => p.periodStart.slice(0, 7));
  type Entry = {
    agency: { id: string; name: string; level: string; kind: string; region: { code: string; name: string } | null };
    performance: { reportCount: number | null; open: number | null; overdue: number | null; completionRate: number | null; transparencyIndex: number | null; suppressedFields: string[] };
  };
  const agencies = new Map<string, Entry['agency']>();
  const perAgencyMonth: Array<{ month: string; entry: Entry }> = [];
  await pool(months, opts.concurrency ?? 3, async (m) => {
    const data = await run<{ agencyLeaderboard: Entry[] | null }>(execute, LEADERBOARD, { f: monthRange(m) }, ctx);
    for (const e of data.agencyLeaderboard ?? []) {
      agencies.set(e.agency.id, e.agency);
      perAgencyMonth.push({ month: m, entry: e });
    }
  });
  perAgencyMonth.sort((a, b) => a.month.localeCompare(b.month) || a.entry.agency.id.localeCompare(b.entry.agency.id));
  const reports: unknown[][][] = perAgencyMonth.map(() => []);
  const malad: unknown[][][] = perAgencyMonth.map(() => []);
  const perf: unknown[][] = perAgencyMonth.map(() => []);
  await pool(
    perAgencyMonth.map((x, i) => ({ ...x, i })),
    opts.concurrency ?? 3,
    async ({ month: m, entry, i }) => {
      const range = monthRange(m);
      const f = { ...range, agencyId: entry.agency.id };
      type Dur = { p50Hours: number | null; p90Hours: number | null; meanHours?: number | null; suppressedFields: string[] };
      const d = await run<{
        analyticsOverview: { byTopic: Array<{ topic: string; count: number | null; suppressed: boolean }> } | null;
        maladministrationBreakdown: { slices: Array<{ type: string; count: number | null; share: number | null; suppressed: boolean }> } | null;
        responseTimeStats: { verification: Dur; firstResponseAgency: Dur; completion: Dur } | null;
        slaCompliance: { overall: number | null; suppressedFields: string[]; steps: Array<{ step: string; compliance: number | null; suppressedFields: string[] }> } | null;
      }>(execute, AGENCY_MONTH, { f }, ctx);
      const topics = (d.analyticsOverview?.byTopic ?? []).filter((t) => (t.count ?? 0) > 0 || t.suppressed).sort((a, b) => a.topic.localeCompare(b.topic));
      if (topics.length) {
        const vars = Object.fromEntries(topics.map((t, j) => [`f${j}`, { ...f, topic: t.topic }]));
        const s = await run<Record<string, { byStatus: Array<{ status: string; count: number | null; suppressed: boolean }> } | null>>(execute, statusQuery(topics.length), vars, ctx);
        topics.forEach((t, j) => {
          for (const st of STATUSES) {
            const c = s[`t${j}`]?.byStatus.find((x) => x.status === st);
            if (c && ((c.count ?? 0) > 0 || c.suppressed)) reports[i].push([m, entry.agency.id, t.topic, st, cell(c.count), c.suppressed]);
          }
        });
      }
      for (const type of MALADMINISTRATION) {
        const sl = d.maladministrationBreakdown?.slices.find((x) => x.type === type);
        if (sl && ((sl.count ?? 0) > 0 || sl.suppressed)) malad[i].push([m, entry.agency.id, type, cell(sl.count), cell(sl.share), sl.suppressed]);
      }
      const rt = d.responseTimeStats;
      const step = (name: string) => d.slaCompliance?.steps.find((x) => x.step === name);
      const p = entry.performance;
      const withheld = new Set<string>();
      const note = (cols: Array<[string, string]>, fields: string[] | undefined) => {
        for (const [col, field] of cols) if (fields?.includes(field)) withheld.add(col);
      };
      note([['reports', 'reportCount'], ['open', 'open'], ['overdue', 'overdue'], ['completion_rate', 'completionRate'], ['transparency_index', 'transparencyIndex']], p.suppressedFields);
      note([['verification_p50_hours', 'p50Hours'], ['verification_p90_hours', 'p90Hours']], rt?.verification.suppressedFields);
      note([['first_response_p50_hours', 'p50Hours'], ['first_response_p90_hours', 'p90Hours'], ['first_response_mean_hours', 'meanHours']], rt?.firstResponseAgency.suppressedFields);
      note([['completion_p50_hours', 'p50Hours'], ['completion_p90_hours', 'p90Hours']], rt?.completion.suppressedFields);
      note([['sla_verification', 'compliance']], step('VERIFICATION')?.suppressedFields);
      note([['sla_first_response', 'compliance']], step('FIRST_RESPONSE')?.suppressedFields);
      note([['sla_completion', 'compliance']], step('COMPLETION')?.suppressedFields);
      note([['sla_overall', 'overall']], d.slaCompliance?.suppressedFields);
      perf[i] = [
        m,
        entry.agency.id,
        cell(p.reportCount),
        cell(p.open),
        cell(p.overdue),
        cell(p.completionRate),
        cell(rt?.verification.p50Hours),
        cell(rt?.verification.p90Hours),
        cell(rt?.firstResponseAgency.p50Hours),
        cell(rt?.firstResponseAgency.p90Hours),
        cell(rt?.firstResponseAgency.meanHours),
        cell(rt?.completion.p50Hours),
        cell(rt?.completion.p90Hours),
        cell(step('VERIFICATION')?.compliance),
        cell(step('FIRST_RESPONSE')?.compliance),
        cell(step('COMPLETION')?.compliance),
        cell(d.slaCompliance?.overall),
        cell(p.transparencyIndex),
        [...withheld].join(';'),
      ];
    },
  );
  const agencyRows = [...agencies.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => [a.id, a.name, cell(a.level), cell(a.kind), cell(a.region?.code), cell(a.region?.name)]);
  const header = (name: string) => RESOURCES.find((r) => r.name === name)!.fields.map((f) => f.name);
  const files = new Map<string, string>([
    ['agencies.csv', csv(header('agencies'), agencyRows)],
    ['reports_monthly.csv', csv(header('reports_monthly'), reports.flat())],
    ['maladministration_monthly.csv', csv(header('maladministration_monthly'), malad.flat())],
    ['performance_monthly.csv', csv(header('performance_monthly'), perf)],
  ]);
  return { created, fingerprint: JSON.stringify(trend.reportTrend), descriptor: descriptorFor(created, opts.origin), files };
}

export function descriptorFor(created: string, origin = ''): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'pantau-public-complaint-figures',
    title: 'Pantau: angka pengaduan pelayanan publik (data terbuka)',
    description:
      'Anonymised figures of public-service complaints handled in Pantau (SP4N-LAPOR! style): reports per month, agency, topic and status; maladministration; response times and SLA compliance. Regenerated from the analytics rollups through the public analytics API: figures made of fewer than k = 5 reports are withheld (empty cells), exactly as on the public dashboard.',
    homepage: `${origin}/open-data/`,
    created,
    licenses: [CC_BY],
    sources: [
      { title: 'Pantau analytics, public view (small cells withheld)', path: `${origin}/graphql` },
      { title: 'idn-area-data 4.0.1 (Kemendagri region codes and names, ODbL 1.0)', path: 'https://github.com/fityannugroho/idn-area-data' },
    ],
    contributors: [{ title: 'Pantau', role: 'publisher' }],
    resources: RESOURCES.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      title: r.title,
      description: r.description,
      path: `${r.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      licenses: r.regionNames ? [ODBL, CC_BY] : [CC_BY],
      dialect: { delimiter: ',', header: true, doubleQuote: true, lineTerminator: '\n' },
      schema: {
        fields: r.fields,
        missingValues: [''],
        primaryKey: r.primaryKey,
        ...(r.name === 'agencies' ? {} : { foreignKeys: [{ fields: 'agency_id', reference: { resource: 'agencies', fields: 'agency_id' } }] }),
      },
    })),
  };
}

/** `/open-data/` routes with a cached package (regenerated after the TTL; concurrent requests share one generation). */
export function openDataRouter(opts: OpenDataOptions): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const ttlMs = (opts.ttlSeconds ?? Number(process.env.PANTAU_OPEN_DATA_TTL_SECONDS ?? 900)) * 1000;
  const minAgeMs = (opts.minAgeSeconds ?? 10) * 1000;
  let cached: { at: number; pkg: OpenDataPackage } | null = null;
  let inflight: Promise<OpenDataPackage> | null = null;
  const current = async (origin: string): Promise<OpenDataPackage> => {
    if (cached) {
      const age = Date.now() - cached.at;
      if (age < Math.min(minAgeMs, ttlMs)) return cached.pkg;
      // within the TTL, regenerate early when reports were submitted or completed since (e.g. analytics caught up after a start)
      if (age < ttlMs && !inflight) {
        const trend = await run<TrendData>(opts.execute, TREND, {}, {});
        if (JSON.stringify(trend.reportTrend) === cached.pkg.fingerprint) return cached.pkg;
      }
    }
    if (!inflight) {
      const started = Date.now();
      inflight = generateOpenData(opts.execute, { concurrency: opts.concurrency, origin })
        .then((pkg) => {
          cached = { at: Date.now(), pkg };
          opts.logger?.info({ ms: Date.now() - started, files: [...pkg.files].map(([n, c]) => [n, c.length]) }, 'open data regenerated');
          return pkg;
        })
        .finally(() => {
          inflight = null;
        });
    }
    return inflight;
  };
  const origin = (req: express.Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
  const fail = (res: express.Response, err: unknown) => {
    if (err instanceof UpstreamError && err.status < 500) {
      sendJsonError(res, err.status, err.key as ErrorKey, err.params as never);
      return;
    }
    opts.logger?.error({ err }, 'open data generation failed');
    sendJsonError(res, 503, 'SUBGRAPH_UNAVAILABLE.FIGURES', {});
  };
  router.get('/', (req, res) => {
    current(origin(req))
      .then((pkg) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json({
          title: 'Pantau open data / data terbuka',
          datapackage: `${origin(req)}/open-data/datapackage.json`,
          created: pkg.created,
          licenses: { figures: CC_BY, regionNames: ODBL },
          smallCellThreshold: 'Figures made of fewer than k = 5 reports are withheld (empty cells), as on the public dashboard.',
          resources: RESOURCES.map((r) => ({ name: r.name, title: r.title, url: `${origin(req)}/open-data/${r.name}.csv`, licenses: r.regionNames ? ['ODbL-1.0', 'CC-BY-4.0'] : ['CC-BY-4.0'] })),
        });
      })
      .catch((err) => fail(res, err));
  });
  router.get('/datapackage.json', (req, res) => {
    current(origin(req))
      .then((pkg) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json(pkg.descriptor);
      })
      .catch((err) => fail(res, err));
  });
  router.get('/:file', (req, res, next) => {
    const name = String(req.params.file);
    if (!RESOURCES.some((r) => `${r.name}.csv` === name)) return next();
    current(origin(req))
      .then((pkg) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.setHeader('content-disposition', `inline; filename="${name}"`);
        res.type('text/csv; charset=utf-8');
        res.send(pkg.files.get(name));
      })
      .catch((err) => fail(res, err));
  });
  return router;
}
