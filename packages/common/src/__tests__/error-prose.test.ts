import fs from 'node:fs';
import path from 'node:path';
import { ERROR_KEYS } from '@pantau/contract';

/**
 * No server code writes error prose: every throw site names a key of @pantau/contract's catalogue
 * (`CODE` or `CODE.REASON`) with parameters, and the words come from the catalogue in the request's
 * language. This scans the source of every process (services, the server kit, the gateway; tests,
 * benches and CLIs aside) for the ways prose used to get in.
 */

const ROOT = path.resolve(__dirname, '../../../..');
const DIRS = ['services/agencies/src', 'services/reports/src', 'services/analytics/src', 'services/open311/src', 'packages/common/src', 'gateway/src'];
const SKIP = /[/\\](__tests__|bench|cli|demo)[/\\]/;

/** Files allowed to mention `messageId`: the helpers that derive it from the catalogue. */
const MESSAGE_ID_HELPERS = ['packages/common/src/errors.ts', 'packages/common/src/http-errors.ts', 'packages/common/src/server.ts', 'gateway/src/subgraph-data-source.ts', 'services/reports/src/registry/client.ts', 'services/open311/src/graphql.ts'];

/** Indonesian strings that are data, not errors (Open311 attribute descriptions, the boolean words). */
const INDONESIAN_DATA = ['services/open311/src/domain.ts'];

function sources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (SKIP.test(full + path.sep)) continue;
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push({ file: path.relative(ROOT, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const d of DIRS) walk(path.join(ROOT, d));
  return out;
}

const keys = new Set<string>(ERROR_KEYS);
const STRING = String.raw`(['"\`])((?:(?!\1)[^\\]|\\.)*)\1`;

/** Calls whose first string argument is a catalogue key, and how the key is completed. */
const KEY_CALLS: Array<[RegExp, (s: string) => string]> = [
  [new RegExp(String.raw`\bbadInput\(\s*` + STRING, 'g'), (s) => `BAD_USER_INPUT.${s}`],
  [new RegExp(String.raw`\bnotFound\(\s*` + STRING, 'g'), (s) => `NOT_FOUND.${s}`],
  [new RegExp(String.raw`\bforbidden\(\s*` + STRING, 'g'), (s) => `FORBIDDEN.${s}`],
  [new RegExp(String.raw`\bconflict\(\s*` + STRING, 'g'), (s) => `CONFLICT.${s}`],
  [new RegExp(String.raw`\bunauthenticated\(\s*` + STRING, 'g'), (s) => `UNAUTHENTICATED.${s}`],
  [new RegExp(String.raw`\bnew ScopeError\(\s*` + STRING, 'g'), (s) => `BAD_USER_INPUT.${s}`],
  [new RegExp(String.raw`\b(?:new AppError|invalidToken|rateLimitedError\([^,]+,)\(?\s*` + STRING, 'g'), (s) => s],
  [new RegExp(String.raw`\b(?:sendJsonError\(\s*res,\s*\d+|fail\(\s*\d+|new (?:UploadRefused|UpstreamError|ClientError)\(\s*\d+),\s*` + STRING, 'g'), (s) => s],
  [new RegExp(String.raw`\bdescribe\(\s*req,\s*` + STRING, 'g'), (s) => s],
  [new RegExp(String.raw`\berrorExtensions\(\s*` + STRING, 'g'), (s) => s],
  // domain refusals carried as { key: 'CODE.REASON', params }
  [/\bkey:\s*(['"`])([A-Z_]+\.[A-Za-z_]+)\1/g, (s) => s],
];

describe('no error prose outside the catalogue', () => {
  const files = sources();

  test('the scan sees the services, the server kit and the gateway', () => {
    for (const d of DIRS) expect(files.some((f) => f.file.startsWith(d))).toBe(true);
    expect(files.length).toBeGreaterThan(80);
  });

  test('every error helper is called with a catalogue key, never with a sentence', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const { file, text } of files) {
      for (const [re, complete] of KEY_CALLS) {
        for (const m of text.matchAll(re)) {
          const literal = m[2];
          if (literal.includes('${')) {
            // a template: only `CODE.${reason}` forms, completed by a typed reason
            if (!/^[A-Z_]+\.\$\{[^}]+\}$/.test(literal) && !/^\$\{[^}]+\}\.\$\{[^}]+\}$/.test(literal)) bad.push(`${file}: ${m[0]}`);
            continue;
          }
          seen++;
          if (!keys.has(complete(literal))) bad.push(`${file}: ${m[0]} (no catalogue key ${complete(literal)})`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(100);
  });

  test('lifecycle refusals name catalogue keys', () => {
    const lifecycle = files.find((f) => f.file === 'services/reports/src/domain/lifecycle.ts')!;
    const refusals = [...lifecycle.text.matchAll(/new LifecycleError\(\s*'([A-Z_]+)',\s*([^,)]+)/g)];
    expect(refusals.length).toBeGreaterThan(10);
    for (const [, code, reason] of refusals) {
      const literal = /^'([A-Z_]+)'$/.exec(reason.trim());
      if (literal) expect(keys.has(`${code}.${literal[1]}`) ? `${code}.${literal[1]}` : `missing ${code}.${literal[1]}`).toBe(`${code}.${literal[1]}`);
    }
  });

  test('messageId is written only by the helpers that derive it from the catalogue', () => {
    const writers = files.filter((f) => /messageId/.test(f.text) && !MESSAGE_ID_HELPERS.includes(f.file)).map((f) => f.file);
    expect(writers).toEqual([]);
  });

  test('no GraphQLError is built from a sentence', () => {
    // (the gateway's `HTTP <status>` marks an unusable subgraph answer internally; clients get SUBGRAPH_UNAVAILABLE)
    const bad = files.flatMap((f) =>
      [...f.text.matchAll(/new GraphQLError\(\s*(['"`])[^'"`]*\s[^'"`]*\1/g)].map((m) => `${f.file}: ${m[0]}`).filter((s) => !s.includes('new GraphQLError(`HTTP ${')),
    );
    expect(bad).toEqual([]);
  });

  test('no Indonesian error text in the source', () => {
    const prose = /(['"`])[^'"`\n]*\b(tidak (?:sah|dikenal|ditemukan|dapat|boleh|berwenang)|wajib diisi|harus berupa|silakan|coba lagi|terlalu banyak)\b[^'"`\n]*\1/gi;
    const bad = files.filter((f) => !INDONESIAN_DATA.includes(f.file)).flatMap((f) => [...f.text.matchAll(prose)].map((m) => `${f.file}: ${m[0]}`));
    expect(bad).toEqual([]);
  });
});
