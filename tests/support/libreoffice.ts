/**
 * A workbook as LibreOffice opens and prints it (headless, a private profile): the PDF's text, for
 * counting pages and page sizes. .ci/run installs libreoffice-calc-nogui; without it this says so.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

function soffice(): string {
  const found = ['soffice', 'libreoffice'].find((cmd) => {
    try {
      execFileSync('which', [cmd], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!found) throw new Error('LibreOffice is not installed: apt-get install libreoffice-calc-nogui (.ci/run does)');
  return found;
}

/** Converts `file` to PDF under `dir` and returns the PDF read as latin1 text. */
export function printedPdf(file: string, dir: string): string {
  const pdfDir = join(dir, 'pdf');
  execFileSync(
    soffice(),
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(pdfDir, basename(file).replace(/\.xlsx$/, '.pdf')), 'latin1');
}

/** The pages of a PDF (`/Type /Page`, not `/Pages`). */
export const pdfPages = (pdf: string): string[] => pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
