import { Classification, Maladministration, ReportStatus, type ReportSnapshot } from '@pantau/common';

/**
 * Synthetic report snapshots for the benchmark, shaped like the design brief's measurement: reports
 * spread uniformly over 540 days, 300 agencies (some fast, some slow), 15 topics, the 20 districts of
 * Kutai Kartanegara (villages within), 10 maladministration types plus unclassified (the Ombudsman's mix:
 * procedure deviation, failure to serve and incompetence most common). Lifecycles run forward from
 * submission; a step that would happen after `end` has not happened yet, so recent reports are open and
 * some steps are pending or overdue at `end`. Deterministic for a seed.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BENCH_DAYS = 540;
export const BENCH_AGENCIES = 300;
export const BENCH_TOPICS = [
  'ROADS', 'BRIDGES', 'WATER', 'ELECTRICITY', 'HEALTH', 'EDUCATION', 'CIVIL_REGISTRY', 'PERMITS', 'SOCIAL_ASSISTANCE',
  'VILLAGE_FUNDS', 'ENVIRONMENT', 'PUBLIC_ORDER', 'TRANSPORT', 'AGRICULTURE', 'MARKETS',
];
export const BENCH_DISTRICTS = Array.from({ length: 20 }, (_, i) => `64.02.${String(i + 1).padStart(2, '0')}`);

const MAL_WEIGHTS: Array<[Maladministration | null, number]> = [
  [null, 30],
  [Maladministration.PENYIMPANGAN_PROSEDUR, 17],
  [Maladministration.TIDAK_MEMBERIKAN_PELAYANAN, 14],
  [Maladministration.TIDAK_KOMPETEN, 11],
  [Maladministration.PENUNDAAN_BERLARUT, 9],
  [Maladministration.PENYALAHGUNAAN_WEWENANG, 6],
  [Maladministration.PERMINTAAN_IMBALAN, 4],
  [Maladministration.BERTINDAK_TIDAK_PATUT, 4],
  [Maladministration.BERPIHAK, 2],
  [Maladministration.KONFLIK_KEPENTINGAN, 2],
  [Maladministration.DISKRIMINASI, 1],
];
const MAL_TOTAL = MAL_WEIGHTS.reduce((a, [, w]) => a + w, 0);

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SyntheticReports {
  private readonly rnd: () => number;
  private readonly agencySpeed: number[];
  readonly start: number;

  constructor(
    readonly end: number,
    readonly total: number,
    seed = 20250701,
  ) {
    this.rnd = prng(seed);
    this.start = end - BENCH_DAYS * DAY;
    const r = prng(seed ^ 0x5bd1e995);
    // 0.4× (fast) … 3× (slow) the typical response time
    this.agencySpeed = Array.from({ length: BENCH_AGENCIES }, () => 0.4 * Math.exp(r() * Math.log(7.5)));
  }

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  /** Exponential with the given mean. */
  private exp(mean: number): number {
    return -Math.log(1 - this.rnd()) * mean;
  }

  private mal(): Maladministration | null {
    let x = this.rnd() * MAL_TOTAL;
    for (const [m, w] of MAL_WEIGHTS) if ((x -= w) < 0) return m;
    return null;
  }

  report(i: number): ReportSnapshot {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const end = this.end;
    // Uniform over the period and in submission order (report i in the i-th of n equal slots), as the
    // consumer inserts facts over time: the fact table's clustered order follows submittedAt.
    const slot = (end - this.start) / this.total;
    const sub = this.start + Math.floor((i + this.rnd()) * slot);
    const district = this.pick(BENCH_DISTRICTS);
    const region = this.rnd() < 0.9 ? `${district}.${2001 + Math.floor(this.rnd() * 10)}` : district;
    const agency = Math.floor(this.rnd() * BENCH_AGENCIES);
    const speed = this.agencySpeed[agency];
    const examination = this.rnd() < 0.1;
    const s: ReportSnapshot = {
      id: `bench-${i}`,
      topic: this.pick(BENCH_TOPICS),
      classification: this.rnd() < 0.7 ? Classification.PENGADUAN : this.rnd() < 0.5 ? Classification.ASPIRASI : Classification.PERMINTAAN_INFORMASI,
      regionCode: region,
      agencyId: null,
      status: ReportStatus.SUBMITTED,
      anonymous: this.rnd() < 0.1,
      confidential: this.rnd() < 0.05,
      maladministrationType: null,
      examination,
      submittedAt: iso(sub)!,
      dispositionedAt: null,
      firstResponseAt: null,
      completedAt: null,
      archivedAt: null,
      verificationDueAt: iso(sub + 5 * DAY)!,
      responseDueAt: null,
      completionDueAt: null,
      forwardCount: 0,
      responseCount: 0,
      evidenceResponseCount: 0,
      rating: null,
      reopenCount: 0,
    };
    const fate = this.rnd();
    const verifyAt = sub + this.exp(1.6 * DAY) + HOUR;
    if (fate < 0.03) {
      if (verifyAt <= end) Object.assign(s, { status: ReportStatus.ARCHIVED, archivedAt: iso(verifyAt) });
      return s;
    }
    if (fate < 0.05 && verifyAt <= end) {
      s.status = ReportStatus.ON_HOLD;
      return s;
    }
    if (verifyAt > end) return s;
    Object.assign(s, {
      status: ReportStatus.DISPOSITIONED,
      dispositionedAt: iso(verifyAt),
      agencyId: `agency-${String(agency + 1).padStart(3, '0')}`,
      responseDueAt: iso(verifyAt + 7 * DAY),
      completionDueAt: iso(verifyAt + (examination ? 84 : 20) * DAY),
      maladministrationType: this.mal(),
    });
    if (this.rnd() < 0.15) s.forwardCount = 1 + Math.floor(this.exp(0.6));
    const respondAt = verifyAt + this.exp(2.5 * DAY * speed) + 10 * 60_000;
    if (this.rnd() < 0.04 || respondAt > end) return s;
    const responses = 1 + Math.floor(this.exp(0.8));
    Object.assign(s, {
      status: ReportStatus.IN_PROGRESS,
      firstResponseAt: iso(respondAt),
      responseCount: responses,
      evidenceResponseCount: this.rnd() < 0.7 ? Math.max(1, Math.floor(responses * this.rnd())) : 0,
    });
    const doneAt = respondAt + this.exp(6 * DAY * speed) + HOUR;
    if (this.rnd() < 0.08 || doneAt > end) return s;
    Object.assign(s, { status: ReportStatus.COMPLETED, completedAt: iso(doneAt) });
    if (this.rnd() < 0.6 && doneAt + DAY <= end) s.rating = Math.min(5, Math.max(1, Math.round(4.2 - speed + this.rnd() * 2)));
    if (this.rnd() < 0.03 && doneAt + 3 * DAY <= end) {
      s.reopenCount = 1;
      const again = doneAt + 3 * DAY + this.exp(4 * DAY);
      Object.assign(s, again <= end ? { completedAt: iso(again) } : { status: ReportStatus.IN_PROGRESS, completedAt: null });
    }
    return s;
  }
}
