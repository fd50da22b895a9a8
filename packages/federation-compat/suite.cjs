// Apollo's subgraph compatibility suite, fetched from the npm registry with `npm pack` (the tarball only:
// none of its dependencies and no install script run; its own runner needs Docker or rover + pm2, which
// cannot run here) and checked against the pinned integrity before it is unpacked into suite-cache/.
// What is used from it: its jest test files (dist/tests), its reference products schema (products.graphql,
// read by its schema comparison) and its inventory and users subgraphs (dist/subgraphs, self-contained).
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NAME = '@apollo/federation-subgraph-compatibility-tests';
const VERSION = '1.2.1';
const INTEGRITY = 'sha512-aR8+SS8lgMa+DEc1Gjn7d1IeqJGxegfwdFhDiF2eT6T0fGujCYEgJQXqPKMXRViIiFtoqxGktvpjJmILrC5coA==';
const SUITE_DIR = path.join(__dirname, 'suite-cache', VERSION, 'package');

function ensureSuite() {
  if (fs.existsSync(path.join(SUITE_DIR, 'dist', 'tests', 'link.test.js'))) return SUITE_DIR;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fed-compat-'));
  try {
    const out = execFileSync('npm', ['pack', `${NAME}@${VERSION}`, '--json', '--pack-destination', tmp, '--ignore-scripts'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [{ filename }] = JSON.parse(out);
    const tgz = path.join(tmp, path.basename(filename));
    const actual = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
    if (actual !== INTEGRITY) throw new Error(`${NAME}@${VERSION}: integrity ${actual} is not the pinned ${INTEGRITY}`);
    const dest = path.dirname(SUITE_DIR);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dest], { stdio: 'inherit' });
    return SUITE_DIR;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The suite's own list of the 15 assertions it reports (dist/testRunner.js TESTS), in its order. */
function suiteAssertions() {
  const src = fs.readFileSync(path.join(SUITE_DIR, 'dist', 'testRunner.js'), 'utf8');
  return [...src.matchAll(/assertion: '([^']+)'/g)].map((m) => m[1]);
}

module.exports = { NAME, VERSION, SUITE_DIR, ensureSuite, suiteAssertions };

if (require.main === module) console.log(ensureSuite());
