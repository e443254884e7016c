/**
 * A killed sync is always resumable (issue 11, §4), even when nobody reaps the killed process: under
 * a PID 1 that does not reap orphans (a container's), a SIGKILLed sync stays a zombie, which
 * kill(pid, 0) reports alive. The lock must be the operating system's, released at death.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { acquireSyncLock } from '../../../../electron/backend/sync/sync-lock.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const HOLDER = fileURLToPath(new URL('../../../support/sync-lock-holder.ts', import.meta.url));
// The holder's parent. Python's Popen reaps its child only in wait(): told "wait", the parent waits
// for the killed holder to be dead, every thread of it, without reaping it (WNOWAIT), and says
// "dead"; the holder stays a zombie until the parent's input ends (the test ends).
const PARENT = `import os, subprocess, sys
p = subprocess.Popen(sys.argv[1:])
print(p.pid, flush=True)
if sys.stdin.readline() == 'wait\\n':
    os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOWAIT)
    print('dead', flush=True)
    sys.stdin.readline()
p.kill()
p.wait()
`;

const parents: ChildProcessWithoutNullStreams[] = [];
// Ending its input makes the parent reap the holder and exit; waiting for that here leaves no
// orphan behind for a PID 1 that may not reap it either.
afterEach(async () => {
  await Promise.all(
    parents.splice(0).map((p) => {
      const gone = p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r));
      p.stdin.end();
      return gone;
    }),
  );
});

/** The holder under a parent that does not reap it, once it holds the lock; `kill` leaves a zombie. */
async function startHolder(db: string): Promise<{ pid: number; kill: () => Promise<void> }> {
  const parent = spawn('python3', ['-c', PARENT, process.execPath, HOLDER, db]);
  parents.push(parent);
  let out = '';
  let err = '';
  parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
  parent.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const said = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out);
        if (m) resolve(m);
      };
      parent.stdout.on('data', check);
      parent.on('exit', () => reject(new Error(`the holder's parent ended: ${err}`)));
      check();
    });
  const pid = Number((await said(/^(\d+)\nlocked\n/))[1]);
  return {
    pid,
    kill: async () => {
      process.kill(pid, 'SIGKILL');
      parent.stdin.write('wait\n');
      await said(/\ndead\n/);
    },
  };
}

const state = (pid: number) => /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];

describe.skipIf(process.platform !== 'linux')('the sync lock of a killed holder', () => {
  test('is free as soon as the holder dies, though it lingers as a zombie', async () => {
    const file = join(tempDir(), 'c.db');
    openDatabase(file).close();
    const holder = await startHolder(file);
    const db = openDatabase(file, { skipIntegrityCheck: true });
    expect(() => acquireSyncLock(db)).toThrow(/another sync is running/);

    await holder.kill();
    expect(state(holder.pid)).toBe('Z');
    // A zombie still answers kill(pid, 0): this is the case a process number cannot judge.
    expect(() => process.kill(holder.pid, 0)).not.toThrow();
    const release = acquireSyncLock(db);
    release();
    db.close();
  });
});
