import { ReportStatus } from '@pantau/common';
import { generateHistories, type DemoHistory } from '../generator';
import { syntheticWorld } from '../world';
import { Rng } from '../prng';
import { snapshotOf } from '../../service/mapping';
import { overdueSteps, WorkingCalendar } from '../../domain/sla';
import { parseTrackingId } from '../../domain/tracking-id';
import { sniffContentType } from '../../attachments/magic';
import { DEMO_FILES } from '../files';

const now = new Date('2026-11-20T04:00:00Z');
const cal = new WorkingCalendar();
const world = syntheticWorld({ seed: 't', agencies: 60 });
let histories: DemoHistory[];

beforeAll(() => {
  histories = [...generateHistories({ world, count: 3000, seed: 'test', now, calendar: cal })];
});

const share = (pred: (h: DemoHistory) => boolean, of: DemoHistory[] = histories) => of.filter(pred).length / of.length;

describe('seeded PRNG', () => {
  it('is reproducible and roughly uniform', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs.slice(0, 50)).toEqual(Array.from({ length: 50 }, () => b.next()));
    expect(new Rng('y').next()).not.toBe(new Rng('x').next());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(new Rng('u').uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('demo history generator', () => {
  it('is deterministic for a seed and an anchor date', () => {
    const again = [...generateHistories({ world, count: 200, seed: 'test', now, calendar: cal })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(histories.slice(0, 200)));
    const other = [...generateHistories({ world, count: 5, seed: 'other', now, calendar: cal })];
    expect(other[0].report.id).not.toBe(histories[0].report.id);
  });

  it('produces internally consistent histories (timeline, outbox, versions, ids)', () => {
    for (const h of histories) {
      const r = h.report;
      expect(parseTrackingId(r.trackingId)).toBe(r.trackingId);
      expect(h.timeline.length).toBe(h.outbox.length);
      expect(r.version).toBe(h.timeline.length);
      expect(h.timeline[0].type).toBe('ReportSubmitted');
      for (let i = 1; i < h.timeline.length; i++) {
        expect(h.timeline[i].at.getTime()).toBeGreaterThan(h.timeline[i - 1].at.getTime());
        expect(h.timeline[i].fromStatus).toBe(h.timeline[i - 1].toStatus);
      }
      expect(h.timeline[h.timeline.length - 1].at.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(JSON.parse(h.outbox[h.outbox.length - 1].payload)).toEqual(snapshotOf(r));
      expect(r.status).toBe(h.timeline[h.timeline.length - 1].toStatus);
      expect(h.responses.length).toBe(r.responseCount);
      expect(new Set(h.attachments.filter((a) => a.responseId).map((a) => a.responseId)).size).toBe(r.evidenceResponseCount);
      expect(h.timeline.filter((e) => e.type === 'ReportForwarded').length).toBe(r.forwardCount);
      // details answer holds: one row per ReportDetailAdded event, its text on the timeline, its files linked to it
      const added = h.timeline.filter((e) => e.type === 'ReportDetailAdded');
      expect(h.details.map((d) => d.body)).toEqual(added.map((e) => e.note));
      for (const e of added) expect([e.fromStatus, e.toStatus, e.actorRole]).toEqual(['ON_HOLD', 'SUBMITTED', 'REPORTER']);
      const detailIds = new Set(h.details.map((d) => d.id));
      for (const a of h.attachments.filter((x) => x.detailId)) expect(detailIds.has(a.detailId!)).toBe(true);
    }
    expect(new Set(histories.map((h) => h.report.id)).size).toBe(histories.length);
    expect(new Set(histories.map((h) => h.report.trackingId)).size).toBe(histories.length);
  });

  it('follows the documented distributions', () => {
    expect(share((h) => h.report.anonymous)).toBeGreaterThan(0.07);
    expect(share((h) => h.report.anonymous)).toBeLessThan(0.13);
    expect(share((h) => h.report.confidential)).toBeGreaterThan(0.03);
    expect(share((h) => h.report.confidential)).toBeLessThan(0.07);
    const dispositioned = histories.filter((h) => h.report.dispositionedAt);
    const fwd = share((h) => h.report.forwardCount > 0, dispositioned);
    expect(fwd).toBeGreaterThan(0.11);
    expect(fwd).toBeLessThan(0.19);
    // topic mix weighted toward infrastructure
    const topics = new Map<string, number>();
    for (const h of histories) topics.set(h.report.topic, (topics.get(h.report.topic) ?? 0) + 1);
    expect([...topics.entries()].sort((a, b) => b[1] - a[1])[0][0]).toBe('JALAN');
    // Ombudsman mix: procedure deviation, failure to serve and incompetence lead
    const mal = new Map<string, number>();
    for (const h of histories) if (h.report.maladministrationType) mal.set(h.report.maladministrationType, (mal.get(h.report.maladministrationType) ?? 0) + 1);
    expect(new Set([...mal.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k))).toEqual(
      new Set(['PENYIMPANGAN_PROSEDUR', 'TIDAK_MEMBERIKAN_PELAYANAN', 'TIDAK_KOMPETEN']),
    );
    // weekly rhythm: an average weekday gets clearly more than an average weekend day
    const dow = new Array(7).fill(0);
    for (const h of histories) dow[new Date(h.report.submittedAt.getTime() + 8 * 3600_000).getUTCDay()]++;
    expect((dow[1] + dow[2] + dow[3] + dow[4] + dow[5]) / 5).toBeGreaterThan(1.8 * ((dow[0] + dow[6]) / 2));
    // spread over ~18 months, all in the past
    const times = histories.map((h) => h.report.submittedAt.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(500 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    // every status occurs; some reports are rated, reopened, overdue; some responses carry evidence
    const statuses = new Set(histories.map((h) => h.report.status));
    expect([...statuses].sort()).toEqual(Object.values(ReportStatus).sort());
    expect(share((h) => h.report.rating !== null)).toBeGreaterThan(0.2);
    // about 6% held, 60% of those answered by the reporter and then dispositioned
    const answered = share((h) => h.details.length > 0);
    expect(answered).toBeGreaterThan(0.02);
    expect(answered).toBeLessThan(0.055);
    for (const h of histories.filter((x) => x.details.length > 0)) {
      const types = h.timeline.map((e) => e.type);
      const i = types.indexOf('ReportDetailAdded');
      expect(types[i - 1]).toBe('ReportHeld');
      if (i + 1 < types.length) expect(types[i + 1]).toBe('ReportDispositioned');
    }
    expect(histories.some((h) => h.report.reopenCount > 0)).toBe(true);
    expect(histories.some((h) => overdueSteps(h.report, now).length > 0)).toBe(true);
    expect(share((h) => h.report.evidenceResponseCount > 0, histories.filter((h) => h.report.responseCount > 0))).toBeGreaterThan(0.3);
    // slow and fast agencies differ: median first-response delay per agency varies widely
    const perAgency = new Map<string, number[]>();
    for (const h of histories) {
      if (!h.report.firstResponseAt || !h.report.dispositionedAt || h.report.forwardCount) continue;
      const d = (h.report.firstResponseAt.getTime() - h.report.dispositionedAt.getTime()) / 3600_000;
      perAgency.set(h.report.agencyId!, [...(perAgency.get(h.report.agencyId!) ?? []), d]);
    }
    const medians = [...perAgency.values()].filter((v) => v.length >= 10).map((v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]);
    expect(Math.max(...medians) / Math.min(...medians)).toBeGreaterThan(3);
  });

  it('ships viewable demo evidence files', () => {
    expect(sniffContentType(DEMO_FILES.photo.content)).toBe('image/png');
    expect(sniffContentType(DEMO_FILES.minutes.content)).toBe('application/pdf');
    expect(DEMO_FILES.minutes.content.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF/);
  });
});
