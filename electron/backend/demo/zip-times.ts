/**
 * ExcelJS zips its parts with the current time as every entry's modification time (JSZip's default),
 * so two identical workbooks written a few seconds apart differ in bytes. The demo city must be
 * byte-identical for the same options, so the DOS times in the local headers and the central
 * directory are set to a fixed date. Those fields are outside the CRC, so the archive stays valid.
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export function setZipEntryTimes(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const end = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let k = 0; k < entries; k++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('unexpected ZIP layout (central directory)');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('unexpected ZIP layout (local header)');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a ZIP archive (no end of central directory)');
}
