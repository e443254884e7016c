// A shipped migration is never edited (STYLE.md habit 4): a database that already ran it would not
// get the edit, so two databases at the same user_version would differ. This test holds the SHA-256
// of each shipped migration's SQL; editing one fails here. A code migration (`up`) is hashed by its
// file's text, since its function is what ran.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/backend/db/migrations/index.ts';
import type { Migration } from '../../../../../electron/backend/db/migrations/migration.ts';

const FOLDER = fileURLToPath(new URL('../../../../../electron/backend/db/migrations/', import.meta.url));

/**
 * The shipped migrations: [version, name, SHA-256 of the text]. Append only. A new migration is
 * appended here once it is final (in the commit that adds it); the failure message below gives the
 * line to append.
 */
const SHIPPED: readonly (readonly [number, string, string])[] = [
  [1, 'dynamic database', '138648db9e0ae5f4e9687ebda69ad27c6d2f988b261f815fd9355c2ab4db8ebf'],
  [2, 'colour history', 'ce23050dc8cbc3146c50e4ae160cf089dde92abdb6469cf47bbca3da958f1301'],
  [3, 'users and audit', '4bd3efc5999da02d2ee675e5b06962798c34a05a10193bc2572a5903478f4e0d'],
  [4, 'enforcement', 'a9531c703d2a5e3363176834689204d0f9006bfc992f870e4ef98eaae1ae8a0e'],
  [5, 'evidence records and replace guards', '6cb9982711670807f6ae109a14c72c0afca53bb8d250d4894fb47c61c3f7e742'],
  [6, 'optional enterprise and site columns', '88be6654eec3d9e8eef2a42f22dd3a645c440177e506b7b0b5b12101dc3dd0cf'],
  [7, 'account duties', 'abdb2bc1f8f68fc255a4e8a1dae48a9cd557fad97c792b4494feb50391cf447d'],
  [8, 'keyed audit chain', '162104712e7e14cb57436f636154bf97ecf4d4d0c5665234e0206b983e023fc4'],
  [9, 'query plan indexes', 'c8254ff7d11831856bd36a722c349b8fe154a4354b85cc77b37cc66b95ef0f64'],
  [10, 'enterprises', 'e3e8642852fd1fffd29556d4c12eb650112de2d9988b2012cf71b7632cd93ed3'],
  [11, 'exchange database', '4a56b4db1ecaa569cab7f0a0f37985194f213ff519f114d26fa7abd59f7e4fdb'],
  [12, 'audit screen indexes', 'a38581a3df22fbf25b86c7bbce5f71e8eb70d4ba1c55e19af7d3c25fb8b6da66'],
  [13, 'user language', 'd131d63f5d16cd55a55a899e56bb225afa9a9b079531068a260ae4ec79859367'],
  [14, 'figure lists', 'c62e9fa6db1b9f33e1b252dd41b6fcaf1cad3d6eecd9ccc4974e56d3d44ef6c5'],
  [15, 'case queue indexes', 'dc09e7c13825638734bc34eeb0c61aaa2acb5a52867197521da5f3f10a6307df'],
  [16, 'key area versions', '88d0dfe8b99a8939b90856615cd43953860324de4fdfe7e2416892a1867fc563'],
  [17, 'county sign-offs', '64a4e64a3be1a2fa7ccf288ad951a956c8a1365ed671fce09cc2901beac14b88'],
];

const migrationFiles = readdirSync(FOLDER)
  .filter((f) => /^\d{3}-.+\.ts$/.test(f))
  .sort();

function textHash(m: Migration): string {
  const file = migrationFiles.find((f) => Number(f.slice(0, 3)) === m.version);
  const text = m.up !== undefined && file !== undefined ? readFileSync(`${FOLDER}${file}`, 'utf8') : (m.sql ?? '');
  return createHash('sha256').update(text).digest('hex');
}

describe('shipped migrations keep their text', () => {
  it.each(SHIPPED.map(([version, name, sha256]) => ({ version, name, sha256 })))(
    'migration $version ($name) is unchanged',
    ({ version, name, sha256 }) => {
      const m = MIGRATIONS.find((x) => x.version === version);
      expect(m, `migration ${version} (${name}) has shipped and must stay in MIGRATIONS (db/migrations/index.ts)`).toBeDefined();
      expect(
        textHash(m!),
        `migration ${version} (${name}) has shipped: its text must not change, or databases that already ran it differ from new ones. ` +
          `Undo the edit and put the change in a new migration (the next number, appended to MIGRATIONS).`,
      ).toBe(sha256);
    },
  );

  it('every migration in MIGRATIONS is on the shipped list', () => {
    const listed = new Set(SHIPPED.map(([version]) => version));
    const unlisted = MIGRATIONS.filter((m) => !listed.has(m.version)).map((m) => `  [${m.version}, '${m.name}', '${textHash(m)}'],`);
    expect(
      unlisted,
      `a new migration is not on the shipped list yet: once its text is final, append these lines to SHIPPED in ` +
        `tests/integration/backend/db/migrations/migration-texts.test.ts:\n${unlisted.join('\n')}\n`,
    ).toEqual([]);
  });

  it('versions run 1, 2, 3 ... in order, one file each, every file in MIGRATIONS', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(migrationFiles.map((f) => Number(f.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
