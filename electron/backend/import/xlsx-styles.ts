/**
 * Workbook metadata: where the first worksheet, the styles and the shared strings are (following
 * the package relationships, so part names and zip order do not matter), the date system, and which
 * cell styles show dates: a numeric cell is a date only through its style
 * (s → cellXfs[s].numFmtId → a built-in date format or a custom code with date/time tokens).
 */
import { posix } from 'node:path';
import { unreadable } from './unreadable-file.ts';
import { type XlsxPackage, type XmlSink, damaged, xmlPart } from './xlsx-zip.ts';
import type { XlsxLimits } from './xlsx-limits.ts';

/** Excel allows 64 000 cell formats; far more is a hostile file. */
const MAX_STYLES = 200_000;

/** Resolves a relationship target against the folder of its source part; null if it leaves the package. */
export function resolveTarget(sourceDir: string, target: string): string | null {
  const joined = target.startsWith('/') ? target : posix.join('/', sourceDir, target);
  const normal = posix.normalize(joined);
  if (!normal.startsWith('/') || normal.startsWith('/..')) return null;
  return normal.slice(1);
}

export interface Parts {
  sheet: string;
  styles: string | null;
  sharedStrings: string | null;
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string | null;
}

/** Reads a .rels part into a Map from relationship id; external targets have `target: null`. */
async function readRels(pkg: XlsxPackage, part: string, sourceDir: string, limits: XlsxLimits): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const sink: XmlSink = {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const { Id: id, Type: type = '', Target: target, TargetMode: mode } = tag.attributes;
      if (id === undefined || target === undefined) return;
      if (rels.size > limits.maxEntries + 1000) throw damaged(`${part} lists far more relationships than the package has parts`);
      rels.set(id, { type, target: mode === 'External' ? null : resolveTarget(sourceDir, target) });
    },
    close() {},
    text() {},
  };
  for await (const _ of xmlPart(pkg, part, sink, limits));
  return rels;
}

function findPart(pkg: XlsxPackage, rels: Map<string, Relationship>, typeSuffix: string, fallback: string): string | null {
  for (const rel of rels.values()) {
    if (rel.type.endsWith(typeSuffix) && rel.target !== null && pkg.has(rel.target)) return rel.target;
  }
  return pkg.has(fallback) ? fallback : null;
}

/** The workbook, its first worksheet, styles and shared strings, following the package relationships. */
export async function locateParts(pkg: XlsxPackage, limits: XlsxLimits): Promise<Parts> {
  const rootRels = pkg.has('_rels/.rels') ? await readRels(pkg, '_rels/.rels', '', limits) : new Map<string, Relationship>();
  const workbook = findPart(pkg, rootRels, '/officeDocument', 'xl/workbook.xml');
  if (!workbook) {
    throw unreadable(
      'not_readable',
      'the file is a ZIP package but not an Excel workbook (it has no workbook part); open the data in Excel and save it as .xlsx (Excel Workbook)',
      '该文件是 ZIP 压缩包，但不是 Excel 工作簿（缺少工作簿内容），请用 Excel 打开数据后另存为 .xlsx（Excel 工作簿）',
    );
  }
  const slash = workbook.lastIndexOf('/');
  const dir = slash < 0 ? '' : workbook.slice(0, slash);
  const relsPart = `${dir ? `${dir}/` : ''}_rels/${workbook.slice(slash + 1)}.rels`;
  if (!pkg.has(relsPart)) throw damaged(`${relsPart} is missing`);
  const rels = await readRels(pkg, relsPart, dir, limits);

  const sheetIds: string[] = [];
  let date1904 = false;
  const sink: XmlSink = {
    open(name, tag) {
      if (name === 'workbookPr') {
        const v = tag.attributes['date1904'];
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        for (const key of Object.keys(tag.attributes)) {
          const value = tag.attributes[key];
          if (key.endsWith(':id') && value !== undefined) {
            sheetIds.push(value);
            break;
          }
        }
        if (sheetIds.length > limits.maxEntries) throw damaged('too many sheets');
      }
    },
    close() {},
    text() {},
  };
  for await (const _ of xmlPart(pkg, workbook, sink, limits));

  const noSheet = (en: string, zh: string) =>
    unreadable(
      'not_readable',
      `${en}; put the data on the first sheet, save the workbook again and import it`,
      `${zh}，请将数据放在第一个工作表中，重新保存后再导入`,
    );
  if (sheetIds.length === 0) throw noSheet('the workbook has no sheets', '工作簿中没有工作表');
  // The first sheet that is a worksheet (chart sheets and macro sheets hold no rows).
  const sheetRel = sheetIds.map((id) => rels.get(id)).find((rel) => rel?.type.endsWith('/worksheet'));
  if (!sheetRel) throw noSheet('the workbook has no worksheet (only chart sheets)', '工作簿中没有数据工作表（只有图表工作表）');
  if (sheetRel.target === null || !pkg.has(sheetRel.target))
    throw damaged(`the first worksheet (${sheetRel.target ?? 'external'}) is missing`);
  return {
    sheet: sheetRel.target,
    styles: findPart(pkg, rels, '/styles', `${dir}/styles.xml`),
    sharedStrings: findPart(pkg, rels, '/sharedStrings', `${dir}/sharedStrings.xml`),
    date1904,
  };
}

/** Built-in number formats that show dates or times, including the CJK ones (27–36, 50–58). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A custom format code is a date/time format when it has y, m, d, h or s outside quoted text,
 * escaped characters and bracketed sections, except the elapsed-time sections [h], [m], [s].
 * `[Red]`, `[$-804]` and conditions such as `[>=100]` are ignored.
 */
export function isDateFormatCode(code: string): boolean {
  const s = code.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++; // the next character is a literal, a padding width or a fill character
    } else if (c === '[') {
      const end = s.indexOf(']', i + 1);
      if (end < 0) return false;
      if (/^\[(h+|m+|s+)\]$/.test(s.slice(i, end + 1))) return true;
      i = end;
    } else if (c === 'y' || c === 'm' || c === 'd' || c === 'h' || c === 's') {
      return true;
    }
  }
  return false;
}

/** For each cellXfs index, whether the style shows a date. */
export async function readDateStyles(pkg: XlsxPackage, part: string, limits: XlsxLimits): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  const sink: XmlSink = {
    open(name, tag) {
      if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmts') inNumFmts = true;
      else if (name === 'xf' && inCellXfs) {
        if (xfFormats.length >= MAX_STYLES) throw tooManyStyles();
        xfFormats.push(intAttr(tag.attributes['numFmtId']));
      } else if (name === 'numFmt' && inNumFmts) {
        if (formats.size >= MAX_STYLES) throw tooManyStyles();
        const id = intAttr(tag.attributes['numFmtId']);
        const code = tag.attributes['formatCode'];
        if (id >= 0 && typeof code === 'string') formats.set(id, code);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
    text() {},
  };
  for await (const _ of xmlPart(pkg, part, sink, limits));
  const dateFormat = new Map<number, boolean>();
  return xfFormats.map((id) => {
    let known = dateFormat.get(id);
    if (known === undefined) {
      const code = formats.get(id);
      known = code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
      dateFormat.set(id, known);
    }
    return known;
  });
}

function intAttr(value: string | undefined): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

const tooManyStyles = () =>
  unreadable(
    'too_large',
    `the workbook defines more than ${MAX_STYLES} cell styles; copy the data into a new workbook (paste as values) and import that`,
    `工作簿定义的单元格样式超过 ${MAX_STYLES} 个，请将数据复制到新工作簿（选择性粘贴为数值）后再导入`,
  );
