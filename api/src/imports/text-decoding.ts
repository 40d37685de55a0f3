import iconv from 'iconv-lite';

/**
 * Text files from town halls come as UTF-8 (with or without BOM), Windows-1252 (Excel's "CSV"),
 * occasionally UTF-16 (Excel's "Unicode text": little-endian; big-endian from a few other tools), told
 * by its byte order mark. Windows-1252 is decoded by iconv-lite: Node's TextDecoder('windows-1252')
 * decodes it as ISO-8859-1 since Node 20.18.3 (nodejs/node#60888), so € „ “ – … ’ of every German
 * Excel file became invisible control characters.
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
}

/**
 * Decodes line by line: counter exports glued together from several devices mix encodings within
 * one file. Each line is UTF-8 when it is valid UTF-8, else Windows-1252.
 */
export function decodeLines(bytes: Uint8Array): { lines: string[]; encodings: Set<TextEncoding> } {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines: string[] = [];
  const encodings = new Set<TextEncoding>();
  let from = start;
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const end = i > from && bytes[i - 1] === 0x0d ? i - 1 : i;
      const decoded = decodeText(bytes.subarray(from, end));
      if (end > from) encodings.add(decoded.encoding);
      lines.push(decoded.text);
      from = i + 1;
    }
  }
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { lines, encodings };
}

/**
 * The delimiter of a table's first lines: the one that splits most of them into the most cells. A title
 * line above the table („Leerstandsliste Mühlhausen, Stand 30.11.2026“ in a semicolon file) is outvoted by
 * the header and the rows; lines without any delimiter have no say.
 */
export function detectDelimiterOf(lines: readonly string[]): ';' | ',' | '\t' {
  const votes: Record<';' | ',' | '\t', number> = { ';': 0, ',': 0, '\t': 0 };
  for (const line of lines) if (/[;,\t]/.test(line)) votes[detectDelimiter(line)]++;
  const best = (Object.keys(votes) as (keyof typeof votes)[]).sort((a, b) => votes[b] - votes[a])[0]!;
  return votes[best] > 0 ? best : ';';
}

/** The delimiter that splits the header line into the most cells (outside quotes). */
export function detectDelimiter(firstLine: string): ';' | ',' | '\t' {
  const counts: Record<';' | ',' | '\t', number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ';';
}
