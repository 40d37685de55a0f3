import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import type { DomainError } from '../common/domain-error.js';
import { unreadable } from './unreadable.js';

/**
 * The ZIP container of an .xlsx, opened by its central directory, so that exceljs's streaming reader
 * (exceljs 4.4) gets its parts in the order, and in the form, that it reads correctly:
 *
 * - **Order.** The reader reads the ZIP front to back and parses a worksheet directly only once it has
 *   seen the shared strings and the workbook's relationships; a worksheet met earlier is inflated
 *   whole into a temporary file first. Excel, and exceljs's own writer (our exports), store the
 *   worksheets before the shared strings — every upload, a small file of millions of rows included,
 *   would be unpacked to disk whole before its first row is read. The upload is in memory anyway, so
 *   the parts are put in order here: relationships, workbook, styles, shared strings, then the
 *   worksheets in the workbook's tab order. Each is passed on compressed, as stored; only what is read
 *   is inflated.
 * - **Sizes.** Each entry gets a local header with its sizes from the central directory: with a data
 *   descriptor instead (exceljs's streaming writer, for one), the reader's unzipper looks for the end of
 *   the entry by searching its compressed bytes for the descriptor's signature, which they may contain.
 * - **Text.** The reader decodes every inflated chunk of a part on its own (a TextDecoder without
 *   `stream`): a character whose bytes straddle two chunks came out as two U+FFFD (the ü of
 *   „Mühlgasse“, a few times in every 20,000 rows). The entries are set to UTF-8 text (decoded across
 *   chunks) as the unzipper splits them off the stream; the reader takes text chunks as they are.
 */
export interface WorkbookPackage {
  /** The worksheets in tab order (hidden ones included), as `readingOrder` hands them over. */
  sheets: { name: string }[];
  /** Serial numbers of dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
  /** The parts for exceljs's streaming reader, as a ZIP stream in the order it needs them. */
  readingOrder(): Readable;
}

/** A ZIP entry as the central directory describes it, and where its data lies in the file. */
interface ZipEntry {
  name: string;
  dataStart: number;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  flags: number;
  crc32: number;
  /** Modification time and date, DOS format (copied to the local header). */
  time: number;
  date: number;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** The worksheet parts exceljs reads (chart sheets and others are left out, as before). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
/** How much of an entry's stored data the reader gets at once. */
const CHUNK_BYTES = 64 * 1024;
/** workbook.xml and its relationships are small; a larger one is no workbook. */
const MAX_PART_BYTES = 16 * 1024 * 1024;

export const notXlsx = (): DomainError =>
  unreadable(
    'not_xlsx',
    'The file cannot be read as an Excel workbook (.xlsx). Older .xls files must be saved as .xlsx first.',
  );
export const noSheet = (): DomainError => unreadable('no_sheet', 'The workbook has no sheet with data.');

export function openWorkbookPackage(bytes: Uint8Array): WorkbookPackage {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map(readCentralDirectory(file).map((entry) => [entry.name, entry]));
  const workbook = entries.get(WORKBOOK);
  const rels = entries.get(WORKBOOK_RELS);
  if (!workbook || !rels) throw noSheet(); // a ZIP, but no workbook (as exceljs found before)
  const targets = relationshipTargets(partText(file, rels));
  const { sheets: declared, date1904 } = workbookSheets(partText(file, workbook));
  const sheets: { name: string; entry: ZipEntry }[] = [];
  for (const { name, relId } of declared) {
    const part = targets.get(relId);
    const entry = part !== undefined && WORKSHEET_PART.test(part) ? entries.get(part) : undefined;
    if (entry && !sheets.some((s) => s.entry === entry)) sheets.push({ name, entry });
  }
  if (sheets.length === 0) throw noSheet();
  const parts = [rels, workbook, entries.get(STYLES), entries.get(SHARED_STRINGS)];
  const chunks = [
    ...parts.flatMap((entry) => (entry ? localEntry(file, entry) : [])),
    // Without shared strings the reader would spill every worksheet to a temporary file: an empty
    // part stands in for them when the workbook has none (numbers and inline text only).
    ...(entries.has(SHARED_STRINGS) ? [] : [storedEntry(SHARED_STRINGS, '<sst/>')]),
    ...sheets.flatMap(({ entry }) => localEntry(file, entry)),
  ];
  return {
    sheets: sheets.map(({ name }) => ({ name })),
    date1904,
    readingOrder: () => new PartsStream(chunks),
  };
}

/**
 * The parts as one ZIP stream, for exceljs's WorkbookReader, which pipes it into its unzipper: the
 * entries that come out of that (as `data`, before the reader reads them) are set to UTF-8 text.
 */
class PartsStream extends Readable {
  private next = 0;

  constructor(private readonly chunks: Buffer[]) {
    super();
  }

  override _read(): void {
    this.push(this.chunks[this.next++] ?? null);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    (destination as unknown as Readable).on('data', (entry: Readable) => entry.setEncoding('utf8'));
    return super.pipe(destination, options);
  }
}

/** The entries of a ZIP file from its central directory (ZIP64 included); not_xlsx when it has none. */
function readCentralDirectory(file: Buffer): ZipEntry[] {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > file.length) throw notXlsx();
  let count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || file.readUInt32LE(locator) !== 0x07064b50) throw notXlsx();
    const zip64 = safeNumber(file.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > file.length || file.readUInt32LE(zip64) !== 0x06064b50) throw notXlsx();
    count = safeNumber(file.readBigUInt64LE(zip64 + 32));
    at = safeNumber(file.readBigUInt64LE(zip64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const sizes = {
      compressedSize: file.readUInt32LE(at + 20),
      uncompressedSize: file.readUInt32LE(at + 24),
      offset: file.readUInt32LE(at + 42),
    };
    readZip64Extra(file.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);
    const local = sizes.offset;
    if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) throw notXlsx();
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (dataStart + sizes.compressedSize > file.length) throw notXlsx();
    entries.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      dataStart,
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      time: file.readUInt16LE(at + 12),
      date: file.readUInt16LE(at + 14),
      crc32: file.readUInt32LE(at + 16),
    });
    at += 46 + nameLength + extraLength + file.readUInt16LE(at + 32);
  }
  return entries;
}

/** The 64-bit values of the ZIP64 extra field, for the 32-bit fields that say "see there". */
function readZip64Extra(
  extra: Buffer,
  sizes: { compressedSize: number; uncompressedSize: number; offset: number },
): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    for (const key of ['uncompressedSize', 'compressedSize', 'offset'] as const) {
      if (sizes[key] !== 0xffffffff) continue;
      if (field + 8 > extra.length) throw notXlsx();
      sizes[key] = safeNumber(extra.readBigUInt64LE(field));
      field += 8;
    }
    return;
  }
}

const safeNumber = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw notXlsx();
  return Number(value);
};

/** An entry as the reader gets it: a local header with its sizes (no data descriptor), its data. */
function localEntry(file: Buffer, entry: ZipEntry): Buffer[] {
  // encrypted, or compressed otherwise than by deflate (which unzipper cannot read either)
  if (entry.flags & 0x1 || (entry.method !== 0 && entry.method !== 8)) throw notXlsx();
  const header = localHeader(entry.name, {
    flags: entry.flags & ~0x8,
    method: entry.method,
    time: entry.time,
    date: entry.date,
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    // ZIP64 is left out; the reader takes the entry's end from the compressed size
    uncompressedSize: Math.min(entry.uncompressedSize, 0xfffffffe),
  });
  const pieces = [header];
  // in pieces, so that an entry stored uncompressed, too, reaches the reader a little at a time
  for (let at = entry.dataStart, end = at + entry.compressedSize; at < end; at += CHUNK_BYTES) {
    pieces.push(file.subarray(at, Math.min(at + CHUNK_BYTES, end)));
  }
  return pieces;
}

/** A small part (the workbook, its relationships) as text. */
function partText(file: Buffer, entry: ZipEntry): string {
  if (entry.flags & 0x1) throw notXlsx(); // encrypted
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  try {
    if (entry.method === 0 && data.length <= MAX_PART_BYTES) return data.toString('utf8');
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
  } catch {
    // corrupt, or larger than any workbook part
  }
  throw notXlsx();
}

/** The sheets that workbook.xml lists, in tab order, with the relationship that points at each. */
function workbookSheets(xml: string): { sheets: { name: string; relId: string }[]; date1904: boolean } {
  const sheets = elements(xml, 'sheet').flatMap((attributes) => {
    const relId = [...attributes].find(([key]) => key.endsWith(':id'))?.[1];
    const name = attributes.get('name');
    return relId !== undefined && name !== undefined ? [{ name, relId }] : [];
  });
  const date1904 = elements(xml, 'workbookPr')[0]?.get('date1904');
  return { sheets, date1904: date1904 === '1' || date1904 === 'true' };
}

/** Relationship id → the part it points at (`worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml` …). */
function relationshipTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const attributes of elements(xml, 'Relationship')) {
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') continue;
    try {
      targets.set(id, decodeURIComponent(new URL(target, `zip:/${WORKBOOK}`).pathname.slice(1)));
    } catch {
      // not a part name
    }
  }
  return targets;
}

/**
 * The attributes of each `<name …>` element (any namespace prefix). These two parts are flat lists
 * written by machines; a regular expression reads them, exceljs's own parser reads them again for
 * the rest (names are taken from here: exceljs does not match relationship targets given as paths).
 */
function elements(xml: string, name: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const [, attributes] of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\s([^>]*)>`, 'g'))) {
    const map = new Map<string, string>();
    for (const [, key, double, single] of attributes!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      map.set(key!, decodeXml(double ?? single ?? ''));
    }
    found.push(map);
  }
  return found;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity: string, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref] ?? entity;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

/** A ZIP entry stored uncompressed. */
function storedEntry(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const size = data.length;
  const fields = { flags: 0, method: 0, time: 0, date: 0x21, crc32: crc32(data) }; // 1980-01-01
  return Buffer.concat([
    localHeader(name, { ...fields, compressedSize: size, uncompressedSize: size }),
    data,
  ]);
}

function localHeader(name: string, fields: Omit<ZipEntry, 'name' | 'dataStart'>): Buffer {
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed to extract: 2.0
  header.writeUInt16LE(fields.flags, 6);
  header.writeUInt16LE(fields.method, 8);
  header.writeUInt16LE(fields.time, 10);
  header.writeUInt16LE(fields.date, 12);
  header.writeUInt32LE(fields.crc32, 14);
  header.writeUInt32LE(fields.compressedSize, 18);
  header.writeUInt32LE(fields.uncompressedSize, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
