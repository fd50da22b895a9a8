import crypto from 'node:crypto';
import { storeKinds } from '@pantau/testing';
import { seedDemo } from '../demo/seed';
import { worldFromRegistry, type DemoWorld } from '../demo/world';
import { generateHistories } from '../demo/generator';
import { insertHistories } from '../demo/bulk';
import { DEMO_FILES } from '../demo/files';
import { startRegistry, startReports, tokens, type TestRegistry, fetchSubgraph } from './helpers';

let registry: TestRegistry;
let world: DemoWorld;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
  world = await worldFromRegistry(registry.client);
});
afterAll(async () => {
  await registry?.close();
});

it('builds the demo world from the real registry: Kukar districts and villages, routed by the registry', () => {
  const districts = world.places.filter((p) => p.code.split('.').length === 3);
  expect(districts).toHaveLength(20);
  expect(districts.find((d) => d.code === '64.02.18')?.name).toBe('Muara Wis');
  expect(world.places.length).toBeGreaterThan(200);
  expect(world.route('JALAN', '64.02.18.2002').agencyId).toBe('kukar-pupr');
  expect(world.route('KESEHATAN', '64.02.18').agencyId).toBe('kukar-dinkes');
});

describe.each(storeKinds())('demo seed on %s', (kind) => {
  it('seeds generated histories on first start only, through the bulk path, and the API serves them', async () => {
    const now = new Date('2026-11-20T04:00:00Z');
    const t = await startReports(kind, registry.client, { clock: () => now });
    try {
      const deps = { ds: t.server.ds, registry: registry.client, storage: t.server.storage, calendar: t.server.service.calendar };
      expect(await seedDemo(deps, { count: 400, seed: 'seed-test', now })).toBe(400);
      expect(await seedDemo(deps, { count: 400, seed: 'seed-test', now })).toBe(0); // not twice
      const n = async (sql: string) => Number((await t.server.ds.query(sql))[0].n);
      expect(await n('SELECT COUNT(*) AS n FROM report')).toBe(400);
      const events = await n('SELECT COUNT(*) AS n FROM timeline_event');
      expect(await n('SELECT COUNT(*) AS n FROM outbox_event')).toBe(events);
      expect(await n('SELECT MAX(seq) AS n FROM outbox_event')).toBe(events);
      expect(await n('SELECT seq AS n FROM outbox_head')).toBe(events);
      // held reports the reporter answered carry their detail rows (and the detail photo)
      const details = await n('SELECT COUNT(*) AS n FROM report_detail');
      expect(details).toBeGreaterThan(0);
      expect(await n("SELECT COUNT(*) AS n FROM timeline_event WHERE type = 'ReportDetailAdded'")).toBe(details);
      expect(await n('SELECT COUNT(*) AS n FROM attachment WHERE detailId IS NOT NULL AND reportId IS NOT NULL')).toBe(details);
      // every agency a report is routed to exists in the registry
      const agencies = (await t.server.ds.query('SELECT DISTINCT agencyId FROM report WHERE agencyId IS NOT NULL')).map((r: any) => r.agencyId);
      for (const id of agencies.slice(0, 10)) expect(await registry.client.agency(id)).not.toBeNull();
      // the API reads them: lists, search, timelines, evidence files
      const res = await t.gql(`{ reports(first: 5, search: "jalan", filter: { regionCode: "64.02" }) { totalCount edges { node { id timeline { type } responses { attachments { id url } } } } } }`, {}, tok.admin);
      expect(res.errors).toBeUndefined();
      expect(res.data.reports.totalCount).toBeGreaterThan(20);
      const att = await t.server.ds.query('SELECT id FROM attachment WHERE responseId IS NOT NULL');
      expect(att.length).toBeGreaterThan(0);
      const file = await fetchSubgraph(new URL(`/attachments/${att[0].id}`, t.server.url), { headers: { authorization: `Bearer ${tok.admin}` } });
      expect(file.status).toBe(200);
      const body = Buffer.from(await file.arrayBuffer());
      expect([DEMO_FILES.after.sha256, DEMO_FILES.minutes.sha256, DEMO_FILES.photo.sha256]).toContain(crypto.createHash('sha256').update(body).digest('hex'));
      // the bulk path is deterministic: the same seed produces the same rows
      const again = [...generateHistories({ world, count: 400, seed: 'seed-test', now, calendar: t.server.service.calendar })];
      const stored = await t.server.ds.query('SELECT id, trackingId, status FROM report ORDER BY id');
      expect(stored.map((r: any) => [r.id, r.trackingId, r.status])).toEqual(
        again.map((h) => [h.report.id, h.report.trackingId, h.report.status]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      );
      // live transitions continue the outbox after the seeded events
      const open = (await t.server.ds.query("SELECT id FROM report WHERE status = 'SUBMITTED'"))[0];
      if (open) {
        const d = await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: open.id } }, tok.admin);
        expect(d.errors).toBeUndefined();
        expect(await n('SELECT MAX(seq) AS n FROM outbox_event')).toBe(events + 1);
      }
    } finally {
      await t.close();
    }
  });

  it('bulk-inserts a larger synthetic batch quickly', async () => {
    const t = await startReports(kind, registry.client);
    try {
      const started = Date.now();
      const res = await insertHistories(t.server.ds, generateHistories({ world, count: 3000, seed: 'bulk' }), { batch: 1000 });
      expect(res.reports).toBe(3000);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(Number((await t.server.ds.query('SELECT COUNT(*) AS n FROM outbox_event'))[0].n)).toBe(res.events);
    } finally {
      await t.close();
    }
  });
});
