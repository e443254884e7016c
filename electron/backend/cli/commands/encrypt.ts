import { existsSync } from 'node:fs';
import { encryptDatabaseFile } from '../../db/encrypt-database.ts';
import { defaultKeyFilePath, keyFileFromEnvironment, readOrCreateKeyFile } from '../../db/key-file.ts';
import { required } from '../args.ts';
import type { Command } from '../command.ts';

export const encryptCommand: Command = {
  name: 'encrypt',
  usage: 'encrypt --db F [--key-file K]   (K, or HCC_DB_KEY_FILE, default F.key: created 0600 if missing)',
  spec: { values: ['db'], flags: [] },
  async run(args, out) {
    const file = required(args, 'db');
    if (!existsSync(file)) throw new Error(`no database at ${file}; check --db / 没有数据库 ${file}，请检查 --db`);
    const keyFile = keyFileFromEnvironment(args.options.get('key-file')) ?? defaultKeyFilePath(file);
    const { key, created } = readOrCreateKeyFile(keyFile);
    const r = encryptDatabaseFile(file, key);
    // The key file's path only: its bytes are never printed.
    out.result({ ...r, key_file: keyFile, key_file_created: created }, () =>
      r.converted
        ? `encrypted ${file} with the key file ${keyFile}${created ? ' (new: keep it safe, without it the data cannot be read)' : ''}: ${r.tables} ` +
          `tables, ${r.rows} rows verified; the clear copy was replaced`
        : `${file} is already encrypted with the key file ${keyFile}; nothing to do`,
    );
  },
};
