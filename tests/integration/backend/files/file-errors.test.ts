/** A file the user named cannot be written: the message names their file and what to do, never our temporary file. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FileAccessError } from '../../../../electron/backend/files/file-errors.ts';
import { writeAtomically, writeTextAtomically } from '../../../../electron/backend/files/write-atomically.ts';
import { xmlText } from '../../../../electron/backend/files/xml-text.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('writing the files people ask for', () => {
  test('a missing folder, a folder in the way, a read-only folder: a message with the remedy, in both languages', async () => {
    const dir = tempDir();
    const missing = join(dir, 'no-such-folder', '简报.xlsx');
    const err = await writeAtomically(missing, async (partial) => writeFileSync(partial, 'x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileAccessError);
    expect((err as FileAccessError).message).toBe(
      `cannot write 简报.xlsx: the folder ${join(dir, 'no-such-folder')} does not exist; choose another folder`,
    );
    expect((err as FileAccessError).messageZh).toMatch(/文件夹 .* 不存在，请选择其他位置/);
    expect((err as Error).message).not.toMatch(/partial/);

    mkdirSync(join(dir, 'taken.xlsx'));
    expect(() => writeTextAtomically(join(dir, 'taken.xlsx'), 'x')).toThrow(/it is a folder; name a file/);

    if (process.getuid?.() !== 0) {
      // Root writes anywhere, so only a non-root run can see a permission refusal.
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      expect(() => writeTextAtomically(join(locked, 'a.csv'), 'x')).toThrow(/no permission/);
    }
  });

  test('text that XML cannot hold becomes U+FFFD; everything else is kept', () => {
    expect(xmlText('\uFFFE张三')).toBe('\uFFFD张三');
    expect(xmlText('a\u0001b\uFFFF')).toBe('a\uFFFDb\uFFFD');
    expect(xmlText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(xmlText('表情😀\t换行\n')).toBe('表情😀\t换行\n');
    expect(xmlText('=CMD()')).toBe('=CMD()');
  });
});
