import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestStore, postGraphQL, type TestStore } from '@pantau/testing';
import { eventually, freePorts, http, startStack } from './stack';
import { defaultTimeZone } from '../format';
import { monthRange } from '../open-data';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Package } = require('datapackage') as { Package: { load(descriptor: string): Promise<any> } };

/**
 * /open-data/ against the real processes: the package validates with the `datapackage` library (descriptor and
 * every CSV against its schema, foreign keys included), small cells are withheld, and every figure equals what
 * the public dashboard gets from /graphql for the same scope.
 */
describe('open data through the gateway', () => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let dir: string;
  const tokens: Record<string, string> = {};
  const gql = (query: string, variables?: Record<string, unknown>, as?: string) =>
    postGraphQL(stack.graphqlUrl, query, variables, as ? { authorization: `Bearer ${tokens[as]}` } : {});
  const ok = async (query: string, variables?: Record<string, unknown>, as?: string) => {
    const res = await gql(query, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const files: Record<string, string> = {};
  const rows = (name: string) => {
    const [header, ...lines] = files[name].trim().split('\n');
    const cols = header.split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  };

  beforeAll(async () => {
    store = createTestStore('sqlite');
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn', PANTAU_OPEN_DATA_TTL_SECONDS: '0' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
    for (const [who, email] of Object.entries({ admin: 'admin@kukarkab.go.id', pupr: 'sekretaris.pupr@kukarkab.go.id' })) {
      tokens[who] = (await ok('mutation($e: String!) { signIn(email: $e, password: "pantau-demo-2026") { token } }', { e: email })).signIn.token;
    }
    const apiKey = (await ok('mutation { issueApiClient(name: "Open data test") { apiKey } }', {}, 'admin')).issueApiClient.apiKey;
    // 7 road reports for the regency public-works agency (a cell above k) and 2 health reports (below k)
    const ids: string[] = [];
    const submit = async (service: string, extra: Record<string, string>) => {
      const res = await http(`${stack.origin}/open311/v2/requests.json`, {
        method: 'POST',
        body: new URLSearchParams({
          api_key: apiKey,
          jurisdiction_id: '64.02',
          service_code: service,
          address_string: 'Desa Sebemban, Muara Wis',
          description: `Laporan uji data terbuka nomor ${ids.length + 1}: kerusakan yang perlu segera ditangani.`,
          'attribute[region_code]': '64.02.18.2001',
          ...extra,
        }),
      });
      expect(res.status).toBe(200);
      ids.push((await res.json())[0].service_request_id);
    };
    for (let i = 0; i < 7; i++) await submit('JALAN', { 'attribute[road_id]': 'kukar-r006' });
    for (let i = 0; i < 2; i++) await submit('KESEHATAN', {});
    for (const id of ids.slice(0, 7)) {
      await ok('mutation($id: ID!) { dispositionReport(input: { reportId: $id, agencyId: "kukar-pupr" }) { report { status } } }', { id }, 'admin');
    }
    for (const id of ids.slice(0, 3)) {
      await ok('mutation($id: ID!) { respondToReport(input: { reportId: $id, body: "Sedang kami tangani di lapangan." }) { report { status } } }', { id }, 'pupr');
    }
    // wait for analytics to see every transition
    await eventually(
      () => ok('{ analyticsOverview(filter: { agencyId: "kukar-pupr" }) { volume byStatus { status count } } }', {}, 'admin'),
      (d) => d.analyticsOverview.volume === 7 && d.analyticsOverview.byStatus.find((s: any) => s.status === 'IN_PROGRESS')?.count === 3,
    );
    for (const name of ['datapackage.json', 'agencies.csv', 'reports_monthly.csv', 'maladministration_monthly.csv', 'performance_monthly.csv']) {
      const res = await http(`${stack.origin}/open-data/${name}`);
      expect(res.status).toBe(200);
      files[name] = await res.text();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-open-data-'));
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the index lists every resource with its licence', async () => {
    const res = await http(`${stack.origin}/open-data/`);
    expect(res.status).toBe(200);
    const index = await res.json();
    expect(index.resources.map((r: any) => r.name)).toEqual(['agencies', 'reports_monthly', 'maladministration_monthly', 'performance_monthly']);
    expect(index.licenses.figures.name).toBe('CC-BY-4.0');
    expect(index.resources[0].licenses).toContain('ODbL-1.0');
    const missing = await http(`${stack.origin}/open-data/nope.csv`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('the descriptor and every CSV validate with the datapackage library', async () => {
    const pkg = await Package.load(path.join(dir, 'datapackage.json'));
    expect(pkg.errors).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.descriptor.profile).toBe('tabular-data-package');
    expect(pkg.descriptor.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.descriptor.sources.length).toBeGreaterThan(0);
    expect(pkg.resourceNames).toEqual(['agencies', 'reports_monthly', 'maladministration_monthly', 'performance_monthly']);
    for (const resource of pkg.resources) {
      expect(resource.tabular).toBe(true);
      for (const field of resource.schema.fields) expect(field.descriptor.description?.length).toBeGreaterThan(5);
      // casts every value against the schema (types, constraints, primary key, foreign keys); throws on the first error
      const data = await resource.read({ keyed: true, relations: true });
      expect(data.length).toBeGreaterThan(0);
    }
    // the validator does catch a bad value and a dangling foreign key (so a pass above means something)
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-open-data-bad-'));
    try {
      for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(bad, name), content);
      const reports = files['reports_monthly.csv'].trim().split('\n');
      fs.writeFileSync(path.join(bad, 'reports_monthly.csv'), `${reports[0]}\n${reports[1].replace(/^([^,]+),[^,]+,/, '$1,no-such-agency,')}\n`);
      const broken = await Package.load(path.join(bad, 'datapackage.json'));
      await expect(broken.getResource('reports_monthly').read({ relations: true })).rejects.toThrow();
      fs.writeFileSync(path.join(bad, 'reports_monthly.csv'), `${reports[0]}\n2026-01,kukar-pupr,JALAN,SUBMITTED,three,false\n`);
      const badType = await Package.load(path.join(bad, 'datapackage.json'));
      await expect(badType.getResource('reports_monthly').read()).rejects.toThrow();
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
    const agencies = pkg.getResource('agencies');
    expect(agencies.descriptor.licenses.map((l: any) => l.name)).toEqual(['ODbL-1.0', 'CC-BY-4.0']);
  });

  it('small cells are withheld, never shown as numbers', () => {
    // the month of "now" in the reporting zone (WITA), not UTC: on the evening of a month's last day they differ
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: defaultTimeZone(), year: 'numeric', month: '2-digit' }).format(new Date());
    const reports = rows('reports_monthly.csv');
    const pupr = reports.filter((r) => r.agency_id === 'kukar-pupr' && r.month === month);
    // 7 road reports: 4 DISPOSITIONED and 3 IN_PROGRESS, both below k = 5 → withheld
    expect(pupr.map((r) => [r.topic, r.status, r.reports, r.suppressed])).toEqual([
      ['JALAN', 'DISPOSITIONED', '', 'true'],
      ['JALAN', 'IN_PROGRESS', '', 'true'],
    ]);
    // the agency-month has 7 reports (≥ k): shown
    const perf = rows('performance_monthly.csv').find((r) => r.agency_id === 'kukar-pupr' && r.month === month)!;
    expect(perf.reports).toBe('7');
    // undispositioned health reports have no agency: not in the per-agency files
    expect(reports.some((r) => r.topic === 'KESEHATAN')).toBe(false);
    // no cell anywhere holds a count from 1 to 4
    for (const r of [...reports, ...rows('maladministration_monthly.csv')]) {
      if (r.reports !== '') expect(Number(r.reports)).toBeGreaterThanOrEqual(5);
    }
  });

  it('every figure equals the public dashboard figure for the same scope', async () => {
    for (const r of rows('reports_monthly.csv')) {
      const f = { ...monthRange(r.month), agencyId: r.agency_id, topic: r.topic };
      const d = await ok('query($f: AnalyticsFilter) { analyticsOverview(filter: $f) { byStatus { status count suppressed } } }', { f });
      const cell = d.analyticsOverview.byStatus.find((s: any) => s.status === r.status);
      expect([r.reports, r.suppressed]).toEqual([cell.count === null ? '' : String(cell.count), String(cell.suppressed)]);
    }
    for (const r of rows('maladministration_monthly.csv')) {
      const f = { ...monthRange(r.month), agencyId: r.agency_id };
      const d = await ok('query($f: AnalyticsFilter) { maladministrationBreakdown(filter: $f) { slices { type count share suppressed } } }', { f });
      const s = d.maladministrationBreakdown.slices.find((x: any) => x.type === r.maladministration_type);
      expect([r.reports, r.share, r.suppressed]).toEqual([s.count === null ? '' : String(s.count), s.share === null ? '' : String(s.share), String(s.suppressed)]);
    }
    const perf = rows('performance_monthly.csv');
    expect(perf.length).toBeGreaterThan(0);
    for (const r of perf) {
      const f = monthRange(r.month);
      const d = await ok('query($f: AnalyticsFilter, $id: ID!) { agency(id: $id) { performance(filter: $f) { reportCount open overdue completionRate transparencyIndex } } }', {
        f,
        id: r.agency_id,
      });
      const p = d.agency.performance;
      const s = (v: unknown) => (v === null ? '' : String(v));
      expect([r.reports, r.open, r.overdue, r.completion_rate, r.transparency_index]).toEqual([s(p.reportCount), s(p.open), s(p.overdue), s(p.completionRate), s(p.transparencyIndex)]);
      const rt = await ok('query($f: AnalyticsFilter) { responseTimeStats(filter: $f) { firstResponseAgency { p50Hours } } slaCompliance(filter: $f) { overall } }', {
        f: { ...f, agencyId: r.agency_id },
      });
      expect([r.first_response_p50_hours, r.sla_overall]).toEqual([s(rt.responseTimeStats.firstResponseAgency.p50Hours), s(rt.slaCompliance.overall)]);
    }
    // the agencies file names every agency the figures use, with ODbL region names
    const agencies = rows('agencies.csv');
    expect(agencies.find((a) => a.agency_id === 'kukar-pupr')).toMatchObject({ region_code: '64.02', region_name: expect.stringMatching(/KUTAI KARTANEGARA/i) });
  });
});
