import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Role, RegionLevel } from '@pantau/common';
import { AgencyLevel } from '../entities/agency.entity';
import { hashPassword } from '../domain/passwords';
import { normaliseEmail } from '../domain/email';
import { isKelurahanCode } from '../domain/regions';
import { bulkInsert } from './import-regions';

/** The reviewable data files in services/agencies/seed. */
export const SEED_DIR = path.resolve(__dirname, '../../seed');

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(SEED_DIR, file), 'utf8')) as T;

interface SeedAgency {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  level: AgencyLevel;
  kind: string;
  region: string | null;
  parent: string | null;
}
interface Generator {
  regionParent: string;
  regionLevel: RegionLevel;
  villageType?: 'DESA' | 'KELURAHAN';
  idPrefix: string;
  code: string;
  nameTemplate: string;
  nameEnTemplate: string;
  level: AgencyLevel;
  kind: string;
  parent?: string;
  parentTemplate?: string;
}

export const agencyIdForRegion = (prefix: string, regionCode: string) => prefix + regionCode.replace(/\./g, '');

/** Expands agencies.json (explicit agencies + generators over the region table). */
export async function seedAgencyRows(ds: DataSource): Promise<SeedAgency[]> {
  const file = readJson<{ agencies: SeedAgency[]; generated: Generator[] }>('agencies.json');
  const out = [...file.agencies];
  for (const g of file.generated) {
    const regions: Array<{ code: string; name: string }> = await ds.query(
      'SELECT code, name FROM regions WHERE level = ? AND code LIKE ? ORDER BY code',
      [g.regionLevel, `${g.regionParent}.%`],
    );
    for (const r of regions) {
      if (g.villageType === 'DESA' && isKelurahanCode(r.code)) continue;
      if (g.villageType === 'KELURAHAN' && !isKelurahanCode(r.code)) continue;
      const district = r.code.split('.').slice(0, 3).join('');
      out.push({
        id: agencyIdForRegion(g.idPrefix, r.code),
        code: g.code,
        name: g.nameTemplate.replace('{name}', r.name),
        nameEn: g.nameEnTemplate.replace('{name}', r.name),
        level: g.level,
        kind: g.kind,
        region: r.code,
        parent: g.parentTemplate ? g.parentTemplate.replace('{district}', district) : (g.parent ?? null),
      });
    }
  }
  return out;
}

export async function seedRegistry(ds: DataSource): Promise<{ agencies: number; roads: number }> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM agencies');
  if (Number(n) > 0) return { agencies: 0, roads: 0 };

  const topics = readJson<{ topics: Array<{ code: string; labelId: string; labelEn: string; asset: boolean }> }>('topics.json');
  const duties = readJson<{ duties: Array<{ topic: string; owners: Record<string, string[]> }> }>('duties.json');
  const roads = readJson<{ sample: boolean; roads: Array<{ id: string; name: string; status: string; lengthKm: number; regions: string[] }> }>(
    'roads.json',
  );
  const agencies = await seedAgencyRows(ds);

  await bulkInsert(ds, 'topics', ['code', 'labelId', 'labelEn', 'asset'], topics.topics.map((t) => [t.code, t.labelId, t.labelEn, t.asset ? 1 : 0]));
  await bulkInsert(
    ds,
    'duties',
    ['topicCode', 'level', 'kind', 'priority'],
    duties.duties.flatMap((d) =>
      Object.entries(d.owners).flatMap(([level, kinds]) => kinds.map((kind, i) => [d.topic, level, kind, i])),
    ),
  );
  await bulkInsert(
    ds,
    'agencies',
    ['id', 'code', 'name', 'nameEn', 'level', 'kind', 'regionCode', 'parentId', 'active'],
    agencies.map((a) => [a.id, a.code, a.name, a.nameEn ?? null, a.level, a.kind, a.region, a.parent, 1]),
  );
  await bulkInsert(ds, 'roads', ['id', 'name', 'status', 'lengthKm', 'sample'], roads.roads.map((r) => [r.id, r.name, r.status, r.lengthKm, roads.sample ? 1 : 0]));
  await bulkInsert(ds, 'road_regions', ['roadId', 'regionCode'], roads.roads.flatMap((r) => r.regions.map((c) => [r.id, c])));
  return { agencies: agencies.length, roads: roads.roads.length };
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  agencyId: string;
  password: string;
}

/** Creates a staff account (used by the CLI and the demo seed). */
export async function createAccount(ds: DataSource, a: NewAccount): Promise<string> {
  const id = crypto.randomUUID();
  await ds.query(
    'INSERT INTO staff_accounts (id, email, name, passwordHash, role, agencyId, active) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [id, normaliseEmail(a.email), a.name, await hashPassword(a.password), a.role, a.agencyId, 1],
  );
  return id;
}

/** Demo accounts (embedded demo only): returns how many were created. */
export async function seedDemoAccounts(ds: DataSource): Promise<number> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM staff_accounts');
  if (Number(n) > 0) return 0;
  const demo = readJson<{
    password: string;
    accounts: Array<{ email: string; name: string; role: Role; agency: string }>;
    liaisonPerAgency: { parent: string; emailTemplate: string; nameTemplate: string };
  }>('demo-accounts.json');
  const accounts = demo.accounts.map((a) => ({ email: a.email, name: a.name, role: a.role, agencyId: a.agency }));
  const opds: Array<{ id: string; code: string }> = await ds.query('SELECT id, code FROM agencies WHERE parentId = ? ORDER BY id', [
    demo.liaisonPerAgency.parent,
  ]);
  for (const opd of opds) {
    const slug = opd.id.replace(`${demo.liaisonPerAgency.parent}-`, '');
    accounts.push({
      email: demo.liaisonPerAgency.emailTemplate.replace('{slug}', slug),
      name: demo.liaisonPerAgency.nameTemplate.replace('{code}', opd.code),
      role: Role.LIAISON,
      agencyId: opd.id,
    });
  }
  // One hash for everyone: the demo password is shared and scrypt is deliberately slow.
  const hash = await hashPassword(demo.password);
  await bulkInsert(
    ds,
    'staff_accounts',
    ['id', 'email', 'name', 'passwordHash', 'role', 'agencyId', 'active'],
    accounts.map((a) => [crypto.randomUUID(), normaliseEmail(a.email), a.name, hash, a.role, a.agencyId, 1]),
  );
  return accounts.length;
}

export function demoAccountsFile() {
  return readJson<{ password: string; accounts: Array<{ email: string; role: Role; agency: string }> }>('demo-accounts.json');
}
