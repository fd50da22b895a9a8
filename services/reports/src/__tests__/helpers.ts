import { httpTokenStateLookup, Role, serviceHeaders, setDefaultTokenStateChecker, signStaffToken, TokenStateChecker } from '@pantau/common';
import { createTestStore, postSubgraph, type StoreKind, type TestStore } from '@pantau/testing';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { LocalDiskStorage } from '../attachments/storage';
import { HttpRegistryClient, type RegistryClient } from '../registry/client';
import { createServer, type ReportsServer, type ReportsServerOptions } from '../server';
import { handPdf, mp4OfSize } from './media-fixtures';

/**
 * A real agencies registry (the @pantau/agencies subgraph) started in-process on its own SQLite
 * store, shared by a test file. Reports talks to it over HTTP exactly as in production.
 */
export interface TestRegistry {
  url: string;
  client: RegistryClient;
  close(): Promise<void>;
}

export async function startRegistry(): Promise<TestRegistry> {
  // imported lazily: the registry is a separate workspace
  const { createServer: createAgencies } = await import('@pantau/agencies');
  const store = createTestStore('sqlite');
  const server = await createAgencies({ store: store.config('agencies'), port: 0 });
  // The staff accounts the tests sign tokens for exist in the registry, and reports checks every staff
  // token against it over HTTP (GET /internal/token-state/:id), as in production.
  for (const v of Object.values(STAFF)) {
    await server.ds.query('INSERT INTO staff_accounts (id, email, name, passwordHash, role, agencyId, active) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      v.id,
      v.email,
      v.name,
      'no-password',
      v.role,
      v.agencyId,
      1,
    ]);
  }
  setDefaultTokenStateChecker(new TokenStateChecker(httpTokenStateLookup(server.url)));
  return {
    url: server.url,
    client: new HttpRegistryClient(server.url),
    async close() {
      await server.close();
      await store.cleanup();
    },
  };
}

export interface TestReports {
  server: ReportsServer;
  store: TestStore;
  dir: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): ReturnType<typeof postSubgraph<T>>;
  close(): Promise<void>;
}

export async function startReports(kind: StoreKind, registry: RegistryClient, opts: Partial<ReportsServerOptions> = {}): Promise<TestReports> {
  const store = createTestStore(kind);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-reports-files-'));
  const server = await createServer({
    store: store.config('reports'),
    port: 0,
    registry,
    storage: new LocalDiskStorage(dir),
    ...opts,
  });
  return {
    server,
    store,
    dir,
    gql: (query, variables, token) => postSubgraph(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
    async close() {
      await server.close();
      await store.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Staff accounts as the registry would sign them in (same key, same claims). */
export const STAFF = {
  admin: { id: 'u-admin', email: 'admin@kukarkab.go.id', name: 'Admin', role: Role.ADMIN, agencyId: 'kukar-diskominfo' },
  ombudsman: { id: 'u-ombudsman', email: 'o@ombudsman.go.id', name: 'Ombudsman', role: Role.OMBUDSMAN, agencyId: 'ombudsman-kaltim' },
  leadership: { id: 'u-lead', email: 'sekda@kukarkab.go.id', name: 'Sekda', role: Role.LEADERSHIP, agencyId: 'kukar' },
  liaisonPupr: { id: 'u-pupr', email: 'pupr@kukarkab.go.id', name: 'Sekretaris PUPR', role: Role.LIAISON, agencyId: 'kukar-pupr' },
  liaisonDinkes: { id: 'u-dinkes', email: 'dinkes@kukarkab.go.id', name: 'Sekretaris Dinkes', role: Role.LIAISON, agencyId: 'kukar-dinkes' },
  liaisonKaltimPu: { id: 'u-kaltim-pu', email: 'pu@kaltimprov.go.id', name: 'Sekretaris PUPR Kaltim', role: Role.LIAISON, agencyId: 'kaltim-pupr' },
} as const;

export type StaffName = keyof typeof STAFF;

export async function tokens(): Promise<Record<StaffName, string>> {
  const out = {} as Record<StaffName, string>;
  for (const [name, v] of Object.entries(STAFF)) out[name as StaffName] = await signStaffToken(v);
  return out;
}

export const SUBMIT = `mutation Submit($input: SubmitReportInput!) {
  submitReport(input: $input) { created report { id trackingId status version suggestedAgency { id } routingReasons
    verificationDueAt submittedAt } } }`;

let n = 0;
export function reportInput(over: Record<string, unknown> = {}) {
  n++;
  return {
    title: `Jalan berlubang di Desa Sebemban ${n}`,
    body: 'Jalan poros desa rusak parah dan berlubang sejak tiga bulan, membahayakan pengendara motor pada malam hari.',
    topic: 'JALAN',
    classification: 'PENGADUAN',
    regionCode: '64.02.18.2002',
    reporter: { name: 'Budi Santoso', email: 'budi@example.com', phone: '0812-3456-7890' },
    ...over,
  };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A real RGB PNG of `width`×`height` (default: random pixels, so every call is different content: the
 * uploads are re-encoded, and content-addressed storage would merge equal images).
 */
export function pngImage(width = 4, height = 4, pixel: () => [number, number, number] = () => [0, 1, 2].map(() => crypto.randomInt(256)) as [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...pixel());
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Small valid files of each accepted type (real images: uploads of images are decoded and re-encoded). */
export const SAMPLE_FILES = {
  png: pngImage(2, 2, () => [200, 120, 40]),
  jpeg: Buffer.from(
    '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABv/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKQAI2f/2Q==',
    'base64',
  ),
  webp: Buffer.from('UklGRjoAAABXRUJQVlA4IC4AAADQAQCdASoCAAIAAUAmJaACdLoB+AADsAD+pNf/TSPGkeNI+Yt/84ljqd3aAAAA', 'base64'),
  // MP4 and PDF uploads are parsed to remove their metadata: these are well-formed (and carry none)
  mp4: mp4OfSize(64),
  pdf: handPdf(),
};

export async function upload(baseUrl: string, content: Buffer, filename: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  const res = await fetchSubgraph(new URL('/attachments', baseUrl), { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as any };
}

/** fetch() straight to the reports service, with the service credential the gateway's proxy adds. */
export async function fetchSubgraph(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...(await serviceHeaders('test')), ...(init.headers as Record<string, string> | undefined) } });
}
