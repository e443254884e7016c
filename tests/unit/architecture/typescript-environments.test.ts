// Node code and browser code compile in their own environments (tsconfig.node.json,
// tsconfig.web.json): a planted use of the other environment's globals fails to compile in each.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The diagnostics of `code` compiled alone, as if it were `file`, under the project's `tsconfig`. */
function diagnostics(tsconfig: string, file: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}${tsconfig}`,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error(`${tsconfig} does not parse`);
  const planted = `${ROOT}${file}`;
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === planted ? code : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === planted || fileExists(name);
  const program = ts.createProgram({ rootNames: [planted], options: parsed.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('TypeScript environments', () => {
  it('Node code (tsconfig.node.json) has no DOM', () => {
    expect(
      diagnostics('tsconfig.node.json', 'electron/backend/planted.ts', 'export const t: string = document.title;\n').join('\n'),
    ).toContain("Cannot find name 'document'");
    expect(diagnostics('tsconfig.node.json', 'shared/domain/planted.ts', 'export const w = window.location.href;\n').join('\n')).toContain(
      "Cannot find name 'window'",
    );
    expect(
      diagnostics(
        'tsconfig.node.json',
        'electron/backend/planted.ts',
        "import { join } from 'node:path';\nexport const p: string = join(process.cwd(), 'x');\n",
      ),
    ).toEqual([]);
  });

  it('browser code (tsconfig.web.json) has no Node types', () => {
    expect(diagnostics('tsconfig.web.json', 'renderer/src/planted.ts', 'export const pid: number = process.pid;\n').join('\n')).toContain(
      "Cannot find name 'process'",
    );
    expect(diagnostics('tsconfig.web.json', 'shared/domain/planted.ts', "export const b = Buffer.from('x');\n").join('\n')).toContain(
      "Cannot find name 'Buffer'",
    );
    expect(
      diagnostics(
        'tsconfig.web.json',
        'renderer/src/planted.ts',
        "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      ).join('\n'),
    ).toContain('node:fs');
    expect(diagnostics('tsconfig.web.json', 'renderer/src/planted.ts', 'export const t: string = document.title;\n')).toEqual([]);
  });
});
