/**
 * Hand-made XLSX packages for reader tests: the parts are written as XML text and zipped with
 * yazl in the order given, so tests can produce what Excel and ExcelJS never write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface ZipPart {
  name: string;
  data: string | Buffer | (() => Readable);
  compress?: boolean;
}

/** A temporary folder under os.tmpdir(); call cleanup() in afterAll. */
export function tempFolder(prefix = 'xlsx-test-'): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeZip(path: string, parts: ZipPart[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const p of parts) {
    const compress = p.compress ?? true;
    if (typeof p.data === 'function') zip.addReadStream(p.data(), p.name, { compress });
    else zip.addBuffer(typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data, p.name, { compress });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve();
    });
  });
}

/** A stream of `size` bytes: `head`, then `fill` bytes up to `size`. */
export function paddedStream(head: string, size: number, fill = 0x20): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        const first = Buffer.from(head, 'utf8');
        yield first;
        const block = Buffer.alloc(1 << 20, fill);
        for (let left = size - first.length; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
      })(),
    );
}

/** Rewrites one field of `name`'s record in the zip's central directory (a zip that lies about its entries). */
export function patchCentralRecord(zip: Buffer, name: string, field: 'uncompressedSize' | 'flags', value: number): Buffer {
  for (let i = zip.length - 46; i >= 0; i--) {
    if (zip.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = zip.readUInt16LE(i + 28);
    if (zip.toString('utf8', i + 46, i + 46 + nameLength) !== name) continue;
    if (field === 'uncompressedSize') zip.writeUInt32LE(value, i + 24);
    else zip.writeUInt16LE(value, i + 8);
    return zip;
  }
  throw new Error(`no central directory record for ${name}`);
}

export function sheetXml(rows: string, extra = ''): string {
  return `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export function sharedStringsXml(items: string[]): string {
  const si = items.map((t) => (t.startsWith('<') ? `<si>${t}</si>` : `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`));
  return `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${si.join('')}</sst>`;
}

/** styles.xml with custom formats and one cellXfs entry per numFmtId given (index = s attribute). */
export function stylesXml(numFmts: Array<[number, string]>, xfNumFmtIds: number[]): string {
  const fmts = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
  const xfs = xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return (
    `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><numFmts count="${numFmts.length}">${fmts}</numFmts>` +
    // cellStyleXfs must not be mistaken for cellXfs: its single xf uses a date format.
    `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${xfNumFmtIds.length}">${xfs}</cellXfs></styleSheet>`
  );
}

export interface WorkbookOptions {
  sheet: string;
  sharedStrings?: string[] | undefined;
  styles?: string | undefined;
  date1904?: boolean | undefined;
  /** The worksheet relationship's Target, relative to xl/ or absolute. */
  sheetTarget?: string | undefined;
  /** Where the worksheet is stored in the zip. */
  sheetPath?: string | undefined;
  /** Extra sheets listed before the data sheet in workbook.xml: [rId, Type suffix, target, path, xml]. */
  before?: Array<{ name: string; type: string; target: string; path: string; xml: string }> | undefined;
  /** Store the parts in reverse order (worksheet first, then shared strings, workbook last). */
  reverse?: boolean | undefined;
  omitRootRels?: boolean | undefined;
}

export function workbookParts(o: WorkbookOptions): ZipPart[] {
  const sheetPath = o.sheetPath ?? 'xl/worksheets/sheet1.xml';
  const target = o.sheetTarget ?? 'worksheets/sheet1.xml';
  const before = o.before ?? [];
  const sheets = [
    ...before.map((b, i) => `<sheet name="${b.name}" sheetId="${i + 10}" r:id="rIdB${i}"/>`),
    `<sheet name="数据" sheetId="1" r:id="rIdData"/>`,
  ].join('');
  const rels = [
    `<Relationship Id="rIdData" Type="${REL_NS}/worksheet" Target="${target}"/>`,
    ...before.map((b, i) => `<Relationship Id="rIdB${i}" Type="${REL_NS}/${b.type}" Target="${b.target}"/>`),
    o.styles !== undefined ? `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/>` : '',
    o.sharedStrings !== undefined ? `<Relationship Id="rIdSst" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '',
  ].join('');
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
  ];
  if (!o.omitRootRels) {
    parts.push({
      name: '_rels/.rels',
      data:
        `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" ` +
        `Target="xl/workbook.xml"/></Relationships>`,
    });
  }
  parts.push(
    {
      name: 'xl/workbook.xml',
      data:
        `${XML_DECL}<workbook xmlns="${MAIN_NS}" ` +
        `xmlns:r="${REL_NS}">${o.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>` },
  );
  if (o.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: o.styles });
  if (o.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: sharedStringsXml(o.sharedStrings) });
  for (const b of before) parts.push({ name: b.path, data: b.xml });
  parts.push({ name: sheetPath, data: o.sheet });
  return o.reverse ? parts.reverse() : parts;
}

export function writeWorkbook(path: string, o: WorkbookOptions): Promise<void> {
  return writeZip(path, workbookParts(o));
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
