import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { ImportView } from './api/imports-api';

const FORMAT_NAMES = { csv: 'CSV', xlsx: 'XLSX', geojson: 'GeoJSON' } as const;

/**
 * How the uploaded file was read, in one line, so that a wrong guess can be spotted: rows and format,
 * for a CSV file its encoding and delimiter, for a workbook the sheet read. A workbook has neither
 * encoding nor delimiter (the API says `binary`), a GeoJSON file is JSON (UTF-8).
 */
export function uploadInfoText(
  { fileName, rowCount, fileInfo }: Pick<ImportView, 'fileName' | 'rowCount' | 'fileInfo'>,
  t: TFunction,
): string {
  const parts = [
    t('import.upload.info', {
      file: fileName ?? '–',
      rows: t('import.upload.rows', { count: rowCount, formatted: formatNumber(rowCount) }),
      format: FORMAT_NAMES[fileInfo.format],
    }),
  ];
  if (fileInfo.format === 'csv')
    parts.push(
      t('import.upload.csv', {
        encoding: fileInfo.encoding,
        delimiter: fileInfo.delimiter === '\t' ? t('import.upload.tab') : (fileInfo.delimiter ?? '–'),
      }),
    );
  if (fileInfo.format === 'xlsx' && fileInfo.sheet)
    parts.push(t('import.upload.sheet', { sheet: fileInfo.sheet }));
  // the list's own date, from its title line: the reference date suggested below
  if (fileInfo.listDate) parts.push(t('import.upload.listDate', { date: formatDate(fileInfo.listDate) }));
  return parts.join(', ');
}
