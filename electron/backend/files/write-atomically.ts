/**
 * Files made for people (exports, reports, briefings) appear whole or not at all: they are written
 * next to the target under a temporary name and renamed into place, so a kill or a failure midway
 * never leaves a half-written file that looks finished. A rename within one directory is atomic on
 * the file systems the console runs on (NTFS, ext4, APFS).
 */
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileAccessError } from './file-errors.ts';
import { ensurePrivateFile, writePrivateFile } from './private-files.ts';

function partialName(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now().toString(36)}`);
}

export async function writeAtomically<T>(target: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = partialName(target);
  try {
    // Created 0600 before the writer opens it: a writer truncating an existing file keeps its mode.
    ensurePrivateFile(partial);
    const result = await write(partial);
    renameSync(partial, target);
    return result;
  } catch (e) {
    rmSync(partial, { force: true });
    // The user named the target; the temporary name means nothing to them.
    throw fileAccessError(e, target, 'write') ?? e;
  }
}

export function writeTextAtomically(target: string, text: string): void {
  const partial = partialName(target);
  try {
    writePrivateFile(partial, text);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    // The user named the target; the temporary name means nothing to them.
    throw fileAccessError(e, target, 'write') ?? e;
  }
}
