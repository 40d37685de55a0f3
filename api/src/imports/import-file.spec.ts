import { parse } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { geoJsonSrid, parseImportFile, readCsvRecords } from './import-file.js';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './unreadable.js';

/** What csv-parse answers with its per-record info: the reference for the line numbers. */
const withInfo = (text: string, delimiter: string) =>
  (
    parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      trim: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  ).map(({ record, info }) => ({ record, line: info.lines }));

describe('readCsvRecords', () => {
  it.each([
    ['LF, an empty line, a trailing newline', 'a;b\n1;2\n\n3;4\n'],
    ['CRLF, empty lines and lines of empty cells', 'a;b\r\n1;2\r\n\r\n;\r\n  ;  \r\n5;6'],
    ['CR only (old Mac files)', 'a;b\r1;2\r\r3;4'],
    ['ragged rows and trailing delimiters', 'a;b;c\n1;2\n3;4;5;\n\n\n6;7;8;9'],
    ['a byte order mark and no data', '\uFEFFa;b\n'],
    ['CRLF with one LF-only line (csv-parse keeps the LF in a cell)', 'a;b\r\n1;2\r\n3;4\n5;6\r\n7;8\r\n'],
    ['LF with a lone CR', 'a;b\n1;2\r3;4\n5;6\n'],
    ['CR with one LF', 'a;b\r1;2\n3;4\r5;6'],
  ])('numbers the lines of unquoted text as csv-parse’s info does: %s', (_case, text) => {
    const fast = readCsvRecords(text, ';');
    expect(fast).toEqual(withInfo(text, ';'));
    expect(fast.length).toBeGreaterThan(0);
  });

  it('counts a quoted line break inside a cell: the next record is one line further', () => {
    const text = 'Straße,Bemerkung\nMarkt 1,"Zeile 1\nZeile 2"\n\nMarkt 2,kurz\n';
    expect(readCsvRecords(text, ',')).toEqual([
      { record: ['Straße', 'Bemerkung'], line: 1 },
      { record: ['Markt 1', 'Zeile 1\nZeile 2'], line: 3 },
      { record: ['Markt 2', 'kurz'], line: 5 },
    ]);
  });
});

describe('parseImportFile: text encodings', () => {
  const text = 'Straße;Hausnummer\nMühlgasse;3\n';
  const utf16 = (littleEndian: boolean): Uint8Array => {
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes.writeUInt16BE(littleEndian ? 0xfffe : 0xfeff, 0); // the BOM U+FEFF in the file's byte order
    for (let i = 0; i < text.length; i++) {
      if (littleEndian) bytes.writeUInt16LE(text.charCodeAt(i), 2 + i * 2);
      else bytes.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
    }
    return bytes;
  };

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['Windows-1252', Buffer.from(text, 'latin1'), 'windows-1252'],
    ['UTF-16 LE with BOM', utf16(true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(false), 'utf-16be'],
  ])('reads %s', async (_name, bytes, encoding) => {
    const table = await parseImportFile(bytes, 'csv');
    expect(table.headers).toEqual(['Straße', 'Hausnummer']);
    expect(table.rows).toEqual([['Mühlgasse', '3']]);
    expect(table.info).toMatchObject({ encoding });
  });
});

describe('parseImportFile: title lines above the table', () => {
  it('takes the first line naming two columns as the header, and the delimiter from it', async () => {
    for (const [title, delimiter] of [
      ['"Leerstandsliste Innenstadt, Stand 01.12.2026",,\r\n\r\n', ','], // as Excel saves it
      ['Leerstandsliste Innenstadt Stand 01.12.2026;;\r\n;;\r\n', ';'],
      // a title with a comma above a semicolon table, not padded as Excel pads it: the comma was taken
      ['Leerstandsliste Mühlhausen, Stand 30.11.2026\r\n\r\n', ';'],
    ] as const) {
      const csv = `${title}Straße${delimiter}Hausnr.${delimiter}Status\r\nMarkt${delimiter}1${delimiter}leer\r\n`;
      const table = await parseImportFile(Buffer.from(csv), 'csv');
      expect(table.headers).toEqual(['Straße', 'Hausnr.', 'Status']);
      expect(table.rows).toEqual([['Markt', '1', 'leer']]);
      expect(table.lines).toEqual([4]);
      expect(table.info.delimiter).toBe(delimiter);
    }
  });

  it('reads the list’s date from its title line, as the suggested reference date', async () => {
    const csv = (title: string) => Buffer.from(`${title}\r\nStraße;Hausnr.;Status\r\nMarkt;1;leer\r\n`);
    expect(
      (await parseImportFile(csv('Leerstandsliste Mühlhausen, Stand 30.11.2026'), 'csv')).info.listDate,
    ).toBe('2026-11-30');
    expect((await parseImportFile(csv('Leerstände – Stichtag: 1.3.2025;;'), 'csv')).info.listDate).toBe(
      '2025-03-01',
    );
    expect((await parseImportFile(csv('Leerstandsliste Innenstadt;;'), 'csv')).info.listDate).toBeNull();
  });
});

describe('parseImportFile: Windows-1252 beyond Latin-1', () => {
  it('reads € „ “ – … ’ as German Excel writes them (bytes 0x80–0x9F)', async () => {
    // Straße;Bemerkung;Miete / Badergasse;Eigentümer – Hr. Müller „verhandelt“ … ’;450 €, byte by byte
    const bytes = Buffer.concat([
      Buffer.from('Stra\xdfe;Bemerkung;Miete\r\nBadergasse;Eigent\xfcmer ', 'latin1'),
      Buffer.from([0x96]), // –
      Buffer.from(' Hr. M\xfcller ', 'latin1'),
      Buffer.from([0x84]), // „
      Buffer.from('verhandelt', 'latin1'),
      Buffer.from([0x93, 0x20, 0x85, 0x20, 0x92]), // “ … ’
      Buffer.from(';450 ', 'latin1'),
      Buffer.from([0x80]), // €
      Buffer.from('\r\n', 'latin1'),
    ]);
    const table = await parseImportFile(bytes, 'csv');
    expect(table.info).toMatchObject({ encoding: 'windows-1252' });
    expect(table.headers).toEqual(['Straße', 'Bemerkung', 'Miete']);
    expect(table.rows).toEqual([
      ['Badergasse', 'Eigentümer \u2013 Hr. Müller \u201everhandelt\u201c \u2026 \u2019', '450 \u20ac'],
    ]);
  });
});

describe('geoJsonSrid: the coordinate system a GeoJSON file names', () => {
  const named = (name: string) => ({ type: 'name', properties: { name } });

  it('reads WGS 84 without a crs member, and the spellings GIS write for the supported systems', () => {
    expect(geoJsonSrid(undefined)).toBe(4326);
    expect(geoJsonSrid(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe(4326);
    expect(geoJsonSrid(named('urn:ogc:def:crs:EPSG::4326'))).toBe(4326);
    expect(geoJsonSrid(named('urn:ogc:def:crs:EPSG::25832'))).toBe(25832); // QGIS
    expect(geoJsonSrid(named('EPSG:25833'))).toBe(25833);
    expect(geoJsonSrid(named('urn:ogc:def:crs:EPSG:6.9:25832'))).toBe(25832);
  });

  it('refuses another system by name instead of reading its metres as degrees', () => {
    expect(() => geoJsonSrid(named('urn:ogc:def:crs:EPSG::31468'))).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ problem: 'unsupported_crs', crs: 'urn:ogc:def:crs:EPSG::31468' }),
      }),
    );
  });
});

describe('parseImportFile: GeoJSON', () => {
  const geojson = (doc: unknown): Uint8Array => Buffer.from(JSON.stringify(doc));

  it.each([null, 42, 'text', [], { type: 'Feature' }, { type: 'FeatureCollection', features: {} }])(
    'refuses %j as a file with a clear message, not a crash',
    async (doc) => {
      await expect(parseImportFile(geojson(doc), 'geojson')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Expected a GeoJSON FeatureCollection.',
        details: { reason: 'unreadable_file' },
      });
    },
  );

  it('reports items that are no features on their line and reads the others', async () => {
    const point = {
      type: 'Feature',
      properties: { strasse: 'Marktstraße', nr: 3 },
      geometry: { type: 'Point', coordinates: [10.45, 51.21] },
    };
    const table = await parseImportFile(
      geojson({
        type: 'FeatureCollection',
        features: [null, point, 'text', { type: 'Feature', properties: 'x', geometry: null }],
      }),
      'geojson',
    );
    expect(table.headers).toEqual(['strasse', 'nr', 'wkt']);
    expect(table.rows[1]).toEqual(['Marktstraße', '3', 'SRID=4326;POINT(10.45 51.21)']);
    expect(table.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'INVALID_FEATURE'],
      [3, 'INVALID_FEATURE'],
      [4, 'INVALID_FEATURE'],
    ]);
  });
});

describe('parseImportFile: workbooks', () => {
  const workbook = async (): Promise<Uint8Array> => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Leerstände');
    sheet.addRow(['Straße', 'Nr']);
    sheet.addRow(['Mühlgasse', 3]);
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  it('reads a workbook in a worker thread of its own', async () => {
    const table = await parseImportFile(await workbook(), 'xlsx');
    expect(table.headers).toEqual(['Straße', 'Nr']);
    expect(table.rows).toEqual([['Mühlgasse', '3']]);
    expect(table.info).toMatchObject({ format: 'xlsx', sheet: 'Leerstände' });
  });

  it('refuses a workbook of one row more than the limit, with the CSV reader’s problem and message', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = book.addWorksheet('Liste');
    sheet.addRow(['Straße', 'Nr']).commit();
    for (let i = 1; i <= MAX_IMPORT_ROWS + 1; i++) sheet.addRow(['Markt', i]).commit();
    sheet.commit();
    await book.commit();
    await expect(parseImportFile(Buffer.concat(chunks), 'xlsx')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The file has more than ${MAX_IMPORT_ROWS} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
      details: { reason: 'unreadable_file', problem: 'too_many_rows', count: null, limit: MAX_IMPORT_ROWS },
    });
  });

  it('refuses a workbook that takes longer than its time limit, and an unreadable one, with a clear problem', async () => {
    await expect(parseImportFile(await workbook(), 'xlsx', { xlsxTimeLimitMs: 1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'unreadable_file', problem: 'workbook_too_large' },
    });
    await expect(parseImportFile(Buffer.from('PK\u0003\u0004garbage'), 'xlsx')).rejects.toMatchObject({
      details: { reason: 'unreadable_file', problem: 'not_xlsx' },
    });
  });
});

describe('parseImportFile: limits, refused before the whole file is read', () => {
  const csv = (rows: number, emptyLinesEvery = 0): Uint8Array => {
    const lines = ['Straße;Nr'];
    for (let i = 1; i <= rows; i++) {
      lines.push(`Markt;${i}`);
      if (emptyLinesEvery && i % emptyLinesEvery === 0) lines.push('');
    }
    return Buffer.from(lines.join('\n'));
  };

  it('reads a CSV of exactly the row limit, empty lines between its rows included', async () => {
    const table = await parseImportFile(csv(MAX_IMPORT_ROWS, 1000), 'csv');
    expect(table.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(table.lines.at(-1)).toBe(MAX_IMPORT_ROWS + MAX_IMPORT_ROWS / 1000);
  });

  it.each([
    ['without quotes', csv(MAX_IMPORT_ROWS + 1)],
    ['with quotes', Buffer.from(`"Straße";Nr\n${'"Markt";1\n'.repeat(MAX_IMPORT_ROWS + 1)}`)],
    ['millions of short lines', Buffer.from(`a\n${'1\n'.repeat(3_000_000)}`)],
  ])('refuses a CSV over the row limit (%s)', async (_case, bytes) => {
    await expect(parseImportFile(bytes, 'csv')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The file has more than ${MAX_IMPORT_ROWS} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
      details: { reason: 'unreadable_file' },
    });
  });

  it('refuses GeoJSON whose features bring more keys than the column limit (it stops at the limit, before building rows)', async () => {
    const features = Array.from({ length: 20_000 }, (_, i) => ({
      type: 'Feature',
      geometry: null,
      properties: { [`k${i}`]: 1 },
    }));
    await expect(
      parseImportFile(Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })), 'geojson'),
    ).rejects.toMatchObject({
      message: `The file has more than ${MAX_IMPORT_COLUMNS} columns; at most ${MAX_IMPORT_COLUMNS} are supported.`,
    });
  });

  it('reads GeoJSON with the column limit exactly (79 properties and the point)', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: MAX_IMPORT_COLUMNS - 1 }, (_, i) => [`k${i}`, i]),
    );
    const doc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties }] };
    const table = await parseImportFile(Buffer.from(JSON.stringify(doc)), 'geojson');
    expect(table.headers).toHaveLength(MAX_IMPORT_COLUMNS);
    expect(table.headers.at(-1)).toBe('wkt');
  });
});
