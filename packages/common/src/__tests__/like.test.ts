import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { escapeLike, LIKE_ESCAPE, likeContains, likePrefix } from '../like';
import { testMysqlUrl } from '@pantau/testing';

/** User values inside LIKE patterns match only themselves, on both stores. */
const CASES: Array<[value: string, pattern: string, matches: boolean]> = [
  ['64.02.18', likePrefix('%'), false],
  ['64.02.18', likePrefix('64%'), false],
  ['64.02.18', likePrefix('6_'), false],
  ['64.02.18', likePrefix('64.__'), false],
  ['64.02.18', likePrefix('64.'), true],
  ['50%_off', likePrefix('50%_'), true],
  ['50x_off', likePrefix('50%_'), false],
  ['a\\b', likePrefix('a\\'), true],
  ['a\\%b', likePrefix('a\\%'), true],
  ['axb', likePrefix('a\\'), false],
  ['wow!', likeContains('w!'), true],
  ['wow!', likeContains('!!'), false],
  ['Jalan Poros', likeContains('%'), false],
  ['Jalan Poros', likeContains('Poros'), true],
];

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('%_!a\\')).toBe('!%!_!!a\\');
    expect(likePrefix('64.02.')).toBe('64.02.%');
  });

  it.each(CASES)('on SQLite: %j LIKE %j → %s', (value, pattern, matches) => {
    const db = new Database(':memory:');
    try {
      expect((db.prepare(`SELECT ? LIKE ? ${LIKE_ESCAPE} AS m`).get(value, pattern) as { m: number }).m).toBe(matches ? 1 : 0);
    } finally {
      db.close();
    }
  });

  const url = testMysqlUrl();
  (url ? it : it.skip)('on MariaDB/MySQL: every case as on SQLite', async () => {
    const u = new URL(url!.replace(/^mariadb:/, 'mysql:'));
    const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
    try {
      for (const [value, pattern, matches] of CASES) {
        const [rows] = await conn.query(`SELECT ? LIKE ? ${LIKE_ESCAPE} AS m`, [value, pattern]);
        expect([value, pattern, Number((rows as Array<{ m: number }>)[0].m)]).toEqual([value, pattern, matches ? 1 : 0]);
      }
    } finally {
      await conn.end();
    }
  });
});
