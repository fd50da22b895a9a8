import { createTestStore, postGraphQL, Role, signStaffToken, type StoreKind, type TestStore } from '@pantau/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDiskStorage } from '../attachments/storage';
import { HttpRegistryClient, type RegistryClient } from '../registry/client';
import { createServer, type ReportsServer, type ReportsServerOptions } from '../server';

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
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): ReturnType<typeof postGraphQL<T>>;
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
    gql: (query, variables, token) => postGraphQL(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
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

/** Smallest valid files of each accepted type (magic bytes + a little payload). */
export const SAMPLE_FILES = {
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-demo-png-bytes')]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-demo-jpeg-bytes')]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 demo')]),
  mp4: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from('demo-mp4-bytes')]),
  pdf: Buffer.from('%PDF-1.7\n% demo pdf bytes\n'),
};

export async function upload(baseUrl: string, content: Buffer, filename: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  const res = await fetch(new URL('/attachments', baseUrl), { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as any };
}
