// The test tree mirrors the source tree, so the tests of a file are found next to its path: a test of
// shared/X sits in tests/{unit,integration}/shared/X, of renderer/src/X in renderer/X, of electron/backend/X
// in backend/X, of electron/main in electron/main. eslint-rules/ is a source folder of its own; architecture/
// holds the checks of the whole tree.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TEST_ROOTS = ['tests/unit', 'tests/integration'];
const TEST_FILE = /\.test\.tsx?$/;

/** Test folder prefix → the source folder it mirrors ('' = no source folder: whole-tree checks). */
const MIRRORS: [string, string][] = [
  ['shared', 'shared'],
  ['renderer', 'renderer/src'],
  ['backend', 'electron/backend'],
  ['electron/main', 'electron/main'],
  ['eslint-rules', 'eslint-rules'],
  ['architecture', ''],
];

/** The source folder a test folder (relative to tests/unit or tests/integration) mirrors, or undefined. */
function mirroredSource(testFolder: string, isFolder: (path: string) => boolean): string | undefined {
  for (const [prefix, source] of MIRRORS) {
    if (testFolder !== prefix && !testFolder.startsWith(`${prefix}/`)) continue;
    if (source === '') return testFolder === prefix ? '.' : undefined; // architecture/ has no subfolders
    const folder = source + testFolder.slice(prefix.length);
    return isFolder(folder) ? folder : undefined;
  }
  return undefined;
}

/** A message for each test file (path from the repository root) whose folder mirrors no source folder. */
export function misplacedTests(testFiles: string[], isFolder: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of testFiles) {
    const testRoot = TEST_ROOTS.find((r) => file.startsWith(`${r}/`));
    if (!testRoot) continue;
    const folder = file
      .slice(testRoot.length + 1)
      .split('/')
      .slice(0, -1)
      .join('/');
    if (mirroredSource(folder, isFolder) !== undefined) continue;
    found.push(
      `${file}: tests/${testRoot.slice('tests/'.length)}/${folder || '.'} mirrors no source folder; move it to the folder ` +
        'that mirrors the source it tests (shared/X → shared/X, renderer/src/X → renderer/X, electron/backend/X → backend/X, ' +
        'electron/main → electron/main; checks of the whole tree → architecture)',
    );
  }
  return found;
}

function filesUnder(folder: string): string[] {
  const absolute = join(ROOT, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(folder, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const sourceFolder = (path: string) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isDirectory();

describe('test layout', () => {
  it('every test sits in a folder that mirrors a source folder', () => {
    const tests = TEST_ROOTS.flatMap(filesUnder)
      .filter((f) => TEST_FILE.test(f))
      .map((f) => f.split('\\').join('/'));
    expect(tests.length).toBeGreaterThan(100);
    expect(misplacedTests(tests, sourceFolder)).toEqual([]);
  });

  it('names each misplaced test and where it should go', () => {
    const planted = [
      'tests/unit/shared/domain/feeds/row-validation.test.ts', // mirrors shared/domain/feeds
      'tests/integration/backend/import/import-csv.test.ts', // mirrors electron/backend/import
      'tests/unit/renderer/features/data/upload-plan.test.ts', // mirrors renderer/src/features/data
      'tests/unit/architecture/runtime.test.ts',
      'tests/integration/import-csv.test.ts', // flat: no folder
      'tests/unit/renderer-data/upload-plan.test.ts', // an ad-hoc folder
      'tests/integration/backend/imports/import-csv.test.ts', // no electron/backend/imports
      'tests/unit/architecture/deep/x.test.ts', // architecture has no subfolders
      'tests/unit/electron/app-protocol.test.ts', // electron/ alone is not a mirrored folder
    ];
    const found = misplacedTests(planted, sourceFolder);
    expect(found.map((m) => m.split(':')[0])).toEqual(planted.slice(4));
    expect(found[0]).toContain('tests/integration/. mirrors no source folder');
    expect(found[2]).toContain('electron/backend/X → backend/X');
  });
});
