/**
 * The ZIP layer of the XLSX reader: the central directory is read and checked against the limits
 * before anything is inflated (a zip bomb is refused on its declared sizes; yauzl's
 * validateEntrySizes then refuses any entry that inflates to more than it declared), entries are
 * opened by name in any order, and parts are streamed into saxes with DOCTYPEs refused.
 */
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
// The same class as the global; imported so the type exists without the DOM library (tsconfig.node.json).
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fileAccessError } from '../files/file-errors.ts';
import { UnreadableFileError, unreadable } from './unreadable-file.ts';
import type { XlsxLimits } from './xlsx-limits.ts';

/** Small entries compress well without being bombs; the ratio is only judged above this size. */
const RATIO_FLOOR_BYTES = 1 << 20;
const MAX_DEPTH = 100;

const MB = (n: number) => `${Math.round(n / 1048576)} MB`;

export function damaged(detail: string): UnreadableFileError {
  return unreadable(
    'not_readable',
    `the workbook file is damaged (${detail}); open it in Excel, save it again as .xlsx and import the new file`,
    `工作簿文件已损坏（${detail}），请用 Excel 打开后重新另存为 .xlsx 再导入`,
  );
}

function tooBigUnpacked(detail: string): UnreadableFileError {
  return unreadable(
    'too_large',
    `the workbook unpacks to too much data (${detail}); it may be a "zip bomb" or hold far more than a department export, so split the data into ` +
      `smaller workbooks or export it as CSV`,
    `工作簿解压后数据量过大（${detail}），可能是恶意构造的压缩包，或数据远超正常报送量，请拆分为较小的工作簿或导出为 CSV`,
  );
}

const passwordProtected = () =>
  unreadable(
    'not_readable',
    'the workbook is password-protected (encrypted) or is an old Excel 97-2003 .xls file; remove the password (File > Info > Protect Workbook > ' +
      'Encrypt with Password, clear it) and save it as .xlsx (Excel Workbook), then import again',
    '该工作簿设有打开密码（已加密），或是旧版 Excel 97-2003 .xls 文件；请取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），并另存为 .xlsx（Excel 工作簿）后重新导入',
  );

const notZip = () =>
  unreadable(
    'not_readable',
    'the file is not an XLSX workbook (it is not a ZIP package); open it in Excel and save it as .xlsx (Excel Workbook)',
    '该文件不是有效的 XLSX 工作簿（不是 ZIP 格式），请用 Excel 打开后另存为 .xlsx（Excel 工作簿）',
  );

/** Part names are case-insensitive in OPC; keys are lower case without a leading slash. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

export class XlsxPackage {
  readonly #zip: ZipFile;
  readonly #entries: Map<string, Entry>;
  readonly #streams = new Set<Readable>();

  constructor(zip: ZipFile, entries: Map<string, Entry>) {
    this.#zip = zip;
    this.#entries = entries;
  }

  has(name: string): boolean {
    return this.#entries.has(partKey(name));
  }

  async openStream(name: string): Promise<Readable> {
    const entry = this.#entries.get(partKey(name));
    if (!entry) throw damaged(`part ${name} is missing`);
    const stream = await new Promise<Readable>((resolve, reject) => {
      this.#zip.openReadStream(entry, (err, s) => (err ? reject(damaged(`cannot open ${name}: ${err.message}`)) : resolve(s)));
    });
    this.#streams.add(stream);
    stream.once('close', () => this.#streams.delete(stream));
    return stream;
  }

  close(): void {
    for (const s of this.#streams) s.destroy();
    this.#streams.clear();
    if (this.#zip.isOpen) this.#zip.close();
  }
}

/** Opens the file, refuses what is not a ZIP, and checks the central directory against the limits. */
export async function openPackage(path: string, limits: XlsxLimits): Promise<XlsxPackage> {
  const head = Buffer.alloc(8);
  let size: number;
  const fh = await openFile(path, 'r').catch((err: unknown) => {
    // The system's words (`ENOENT: no such file…, open '<temp path>'`) name no remedy: say what to do.
    const known = fileAccessError(err, path, 'read');
    if (known) throw unreadable('not_readable', known.message, known.messageZh);
    throw unreadable(
      'not_readable',
      'the file cannot be opened; check that it exists and is not open in another program',
      '无法打开该文件，请确认文件存在且未被其他程序占用',
    );
  });
  try {
    size = (await fh.stat()).size;
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) throw passwordProtected();
  if (size > limits.maxFileBytes) {
    throw unreadable(
      'too_large',
      `the file is ${MB(size)}, more than the ${MB(limits.maxFileBytes)} an import accepts; split the data into smaller workbooks`,
      `文件大小为 ${MB(size)}，超过单次导入上限 ${MB(limits.maxFileBytes)}，请拆分为较小的工作簿后导入`,
    );
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw notZip();

  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, z) => (err ? reject(damaged(`not a valid ZIP package: ${err.message}`)) : resolve(z)),
    );
  });
  // yauzl may report an error after we stopped listening for one; never let it crash the process.
  zip.on('error', () => {});
  try {
    if (zip.fileSize > limits.maxFileBytes) throw damaged('the file changed while it was being read');
    if (zip.entryCount > limits.maxEntries) throw tooBigUnpacked(`${zip.entryCount} parts, more than ${limits.maxEntries}`);
    return new XlsxPackage(zip, await listEntries(zip, limits));
  } catch (err) {
    zip.close();
    throw err;
  }
}

async function listEntries(zip: ZipFile, limits: XlsxLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let total = 0;
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileName.endsWith('/')) continue;
      if (e.isEncrypted()) throw passwordProtected();
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
        throw damaged(`part ${e.fileName} uses unsupported compression method ${e.compressionMethod}`);
      }
      if (e.compressedSize > zip.fileSize) throw damaged(`part ${e.fileName} is larger than the file`);
      const key = partKey(e.fileName);
      if (entries.has(key)) throw damaged(`part ${e.fileName} appears twice`);
      if (e.uncompressedSize > limits.maxEntryBytes) {
        throw tooBigUnpacked(`${e.fileName} unpacks to ${MB(e.uncompressedSize)}, more than ${MB(limits.maxEntryBytes)}`);
      }
      const ratio = e.compressedSize === 0 ? Infinity : e.uncompressedSize / e.compressedSize;
      if (e.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
        throw tooBigUnpacked(`${e.fileName} is compressed ${Math.round(ratio)} to 1, more than ${limits.maxCompressionRatio} to 1`);
      }
      total += e.uncompressedSize;
      if (total > limits.maxUncompressedBytes) throw tooBigUnpacked(`more than ${MB(limits.maxUncompressedBytes)} in all`);
      entries.set(key, e);
    }
  } catch (err) {
    throw err instanceof UnreadableFileError ? err : damaged(err instanceof Error ? err.message : String(err));
  }
  return entries;
}

export interface XmlSink {
  open(name: string, tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
}

/** Element name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Streams one part through saxes into `sink`, yielding after each chunk so that a caller can hand
 * out what the chunk produced. Errors become UnreadableFileError.
 */
export async function* xmlPart(pkg: XlsxPackage, name: string, sink: XmlSink, limits: XlsxLimits): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false, xmlns: false });
  // Text between two tags is bounded by the cell limit (entities can encode one char in ~10).
  const maxGap = Math.max(4 << 20, limits.maxCellChars * 12);
  let gap = 0;
  let depth = 0;
  let rootSeen = false;
  parser.on('doctype', () => {
    throw doctype(name);
  });
  parser.on('opentag', (tag) => {
    gap = 0;
    rootSeen = true;
    // SpreadsheetML nests a dozen levels at most; a deep nest only grows saxes' tag stack.
    if (++depth > MAX_DEPTH) throw damaged(`${name} nests elements more than ${MAX_DEPTH} deep`);
    sink.open(localName(tag.name), tag);
  });
  parser.on('closetag', (tag) => {
    gap = 0;
    depth--;
    sink.close(localName(tag.name));
  });
  parser.on('text', (t) => sink.text(t));
  parser.on('cdata', (t) => sink.text(t));
  const write = (text: string, end: boolean) => {
    try {
      parser.write(text);
      if (end) parser.close();
    } catch (err) {
      if (err instanceof UnreadableFileError) throw err;
      throw damaged(`${name} is not well-formed XML: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
    }
  };

  const stream = await pkg.openStream(name);
  let decoder: TextDecoder | null = null;
  let tail = '';
  try {
    for await (const chunk of readChunks(stream, name)) {
      decoder ??= new TextDecoder(
        chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8',
        { fatal: true },
      );
      const text = decodeChunk(decoder, chunk, name);
      if (!rootSeen) {
        // Refuse a DOCTYPE before saxes buffers its internal subset (billion laughs, XXE).
        if (/<!DOCTYPE/i.test(tail + text)) throw doctype(name);
        tail = text.slice(-9);
      }
      gap += text.length;
      if (gap > maxGap) throw damaged(`${name} holds a text run longer than any cell may be`);
      write(text, false);
      yield;
    }
    write(decoder ? decodeChunk(decoder, undefined, name) : '', true);
  } finally {
    stream.destroy();
  }
}

async function* readChunks(stream: Readable, name: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    // validateEntrySizes: data longer or shorter than the directory declared; or corrupt deflate data.
    throw damaged(`${name} cannot be unpacked: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function decodeChunk(decoder: TextDecoder, chunk: Buffer | undefined, name: string): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw damaged(`${name} is not valid UTF-8 text`);
  }
}

const doctype = (name: string) =>
  unreadable(
    'not_readable',
    `the workbook contains a DOCTYPE declaration (in ${name}), which Excel never writes and which can hide an attack; open the file in Excel, save ` +
      `it again as .xlsx and import the new file`,
    `工作簿中含有 DOCTYPE 声明（位于 ${name}），Excel 不会写入此类内容，可能是恶意构造的文件；请用 Excel 打开后重新另存为 .xlsx 再导入`,
  );
