// Runs once before each workspace's tests: finds out whether MariaDB/MySQL answers at
// TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306). Tests read PANTAU_TEST_MYSQL_URL.
// Without a server the MySQL half of the storage tests is skipped with a notice, unless
// REQUIRE_MYSQL=1, in which case the run fails.
const mysql = require('mysql2/promise');

module.exports = async function globalSetup() {
  // Tests that build an ApolloGateway themselves must not export usage data either (see gateway/src/server.ts).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Signing keys for the tests' processes (the stack's children inherit them): random per run unless given.
  const crypto = require('node:crypto');
  process.env.PANTAU_JWT_SECRET ||= crypto.randomBytes(48).toString('base64url');
  process.env.PANTAU_SERVICE_SECRET ||= crypto.randomBytes(48).toString('base64url');
  const url = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const conn = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password || ''),
      connectTimeout: 3000,
    });
    await conn.query('SELECT 1');
    await conn.end();
    process.env.PANTAU_TEST_MYSQL_URL = url;
  } catch (err) {
    if (process.env.REQUIRE_MYSQL === '1') {
      throw new Error(`REQUIRE_MYSQL=1 but MySQL/MariaDB does not answer at ${url}: ${err.message}`);
    }
    process.env.PANTAU_TEST_MYSQL_URL = '';
    console.warn(`\n[pantau] NOTICE: MySQL/MariaDB does not answer at ${url} (${err.message}); MySQL storage tests are skipped.\n`);
  }
};
