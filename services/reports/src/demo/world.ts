import type { RegistryClient } from '../registry/client';
import { Rng } from './prng';

/**
 * The places, topics and agencies demo histories are drawn from, and routing between them. Built from
 * the real registry for the embedded demo (so every agency id resolves through the gateway), or
 * synthetic for benchmarks at any scale.
 */
export interface DemoPlace {
  code: string;
  name: string;
  districtName: string;
}

export interface DemoWorld {
  places: DemoPlace[];
  topics: Array<{ code: string; weight: number }>;
  /** The agency that owns (topic, place) and why. */
  route(topic: string, regionCode: string): { agencyId: string; reasons: string[] };
}

/**
 * Topic mix weighted toward infrastructure (roads, drainage, water, electricity), as complaint
 * statistics in Kukar and LAPOR! nationally show. Unknown topic codes get weight 2.
 */
export const TOPIC_WEIGHTS: Record<string, number> = {
  JALAN: 26,
  DRAINASE: 8,
  AIR_BERSIH: 9,
  LISTRIK: 8,
  KESEHATAN: 7,
  PENDIDIKAN: 6,
  KEPENDUDUKAN: 7,
  PERIZINAN: 4,
  LINGKUNGAN: 5,
  BANTUAN_SOSIAL: 6,
  DANA_DESA: 4,
  TRANSPORTASI: 3,
  ADMINISTRASI_DESA: 3,
  INFORMASI_PUBLIK: 2,
  PERTANIAN: 2,
};

export const KUKAR = '64.02';

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/**
 * Loads Kukar's districts and villages and the topic list from the registry, and resolves routing for
 * every (topic, place) pair up front (the generator itself is synchronous and deterministic).
 */
export async function worldFromRegistry(registry: RegistryClient, regency = KUKAR, concurrency = 6): Promise<DemoWorld> {
  const districts = await registry.regionChildren(regency, 100);
  if (!districts.length) throw new Error(`The registry has no districts under ${regency}`);
  const places: DemoPlace[] = [];
  const villagesPer = await mapLimit(districts, concurrency, (d) => registry.regionChildren(d.code, 1000));
  districts.forEach((d, i) => {
    places.push({ code: d.code, name: d.name, districtName: d.name });
    for (const v of villagesPer[i]) places.push({ code: v.code, name: v.name, districtName: d.name });
  });
  const topicCodes = await registry.topics();
  const topics = topicCodes.map((code) => ({ code, weight: TOPIC_WEIGHTS[code] ?? 2 }));
  const pairs = topicCodes.flatMap((t) => places.map((p) => [t, p.code] as const));
  const routes = new Map<string, { agencyId: string; reasons: string[] }>();
  await mapLimit(pairs, concurrency, async ([topic, code]) => {
    const j = await registry.resolveJurisdiction({ topic, regionCode: code });
    routes.set(`${topic}|${code}`, { agencyId: j.agency.id, reasons: j.reasons });
  });
  return {
    places,
    topics,
    route(topic, regionCode) {
      const r = routes.get(`${topic}|${regionCode}`);
      if (!r) throw new Error(`no route for ${topic} in ${regionCode}`);
      return r;
    },
  };
}

/**
 * A synthetic world for benchmarks: `districts` districts with `villagesPerDistrict` villages each,
 * `agencies` agencies, each topic owned per district by one agency (deterministic from the seed).
 */
export function syntheticWorld(opts: { seed?: string; districts?: number; villagesPerDistrict?: number; agencies?: number } = {}): DemoWorld {
  const rng = new Rng(`world:${opts.seed ?? 'pantau'}`);
  const nd = opts.districts ?? 20;
  const nv = opts.villagesPerDistrict ?? 10;
  const na = opts.agencies ?? 300;
  const places: DemoPlace[] = [];
  for (let d = 1; d <= nd; d++) {
    const dc = `${KUKAR}.${String(d).padStart(2, '0')}`;
    const dn = `Kecamatan ${d}`;
    places.push({ code: dc, name: dn, districtName: dn });
    for (let v = 1; v <= nv; v++) places.push({ code: `${dc}.${2000 + v}`, name: `Desa ${d}-${v}`, districtName: dn });
  }
  const topics = Object.entries(TOPIC_WEIGHTS).map(([code, weight]) => ({ code, weight }));
  const owner = new Map<string, string>();
  for (const t of topics) {
    for (let d = 1; d <= nd; d++) owner.set(`${t.code}|${d}`, `agency-${String(rng.int(1, na)).padStart(4, '0')}`);
  }
  return {
    places,
    topics,
    route(topic, regionCode) {
      const d = Number(regionCode.split('.')[2]);
      const agencyId = owner.get(`${topic}|${d}`) ?? 'agency-0001';
      return { agencyId, reasons: [`synthetic: ${topic} in district ${d} → ${agencyId}`] };
    },
  };
}
