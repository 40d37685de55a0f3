import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { currentRequest } from '../common/request-context.js';
import { todayIso } from '../common/validators.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../storefronts/storefront.types.js';
import type { ImportMappingDto } from './dto/import-mapping.dto.js';
import { detectFormat, parseImportFile } from './import-file.js';
import { mapRows } from './import-rows.js';
import { runImport } from './import-run.js';
import { suggestCategory, suggestColumns, suggestStatus } from './import-vocabulary.js';
import type {
  DryRunResult,
  ImportField,
  ImportMapping,
  ImportOutcome,
  ImportRecord,
  ImportSrid,
  ImportSuggestions,
  ImportView,
  ParsedTable,
} from './import.types.js';
import { ImportsRepository } from './imports.repository.js';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

@Injectable()
export class ImportsService {
  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportsRepository,
  ) {}

  async upload(viewer: Viewer, cityId: string, bytes: Buffer, fileName: string | null): Promise<ImportView> {
    const table = await parseImportFile(bytes, detectFormat(bytes, fileName));
    const id = await this.imports.create(cityId, viewer.user?.id ?? null, fileName, table);
    return this.view(cityId, id, table);
  }

  async get(cityId: string, id: string): Promise<ImportView> {
    return this.view(cityId, id);
  }

  async suggestions(cityId: string, id: string): Promise<ImportSuggestions> {
    const record = await this.record(cityId, id);
    const table = await this.imports.table(id);
    const columns = suggestColumns(table.headers);
    const values: Record<string, string[]> = {};
    table.headers.forEach((h, i) => {
      const distinct = new Set<string>();
      for (const row of table.rows) {
        const v = (row[i] ?? '').trim();
        if (v !== '') distinct.add(v);
        if (distinct.size > 40) break;
      }
      if (distinct.size <= 40) values[h] = [...distinct].sort();
    });
    const all = Object.values(values).flat();
    const knownStatuses = Object.fromEntries(all.map((v) => [v, suggestStatus(v)]));
    const knownCategories = Object.fromEntries(all.map((v) => [v, suggestCategory(v)]));
    const statusValues = pick(values[columns.status ?? ''] ?? [], suggestStatus);
    const categoryValues = pick(values[columns.useCategory ?? ''] ?? [], suggestCategory);
    return {
      mapping: {
        columns,
        srid: guessSrid(table, columns.easting),
        decimalSeparator: guessDecimal(table, record.fileInfo.delimiter),
        referenceDate: todayIso(),
        statusValues,
        categoryValues,
        skipInvalidRows: false,
      },
      values,
      knownStatuses,
      knownCategories,
    };
  }

  async saveMapping(cityId: string, id: string, dto: ImportMappingDto): Promise<ImportView> {
    const record = await this.record(cityId, id);
    if (record.status === 'committing' || record.status === 'committed') {
      throw new DomainError(
        'VERSION_CONFLICT',
        'This file has already been imported; upload it again to change the mapping.',
      );
    }
    await this.imports.saveMapping(id, checkMapping(dto, record.headers));
    return this.view(cityId, id);
  }

  async dryRun(cityId: string, id: string): Promise<DryRunResult> {
    const { record, table, mapping } = await this.ready(cityId, id);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const outcome = await this.run(runner.manager, record, table, mapping, false, () => Promise.resolve());
      return {
        summary: outcome.summary,
        problems: outcome.problems,
        committable: mapping.skipInvalidRows || outcome.summary.rejected === 0,
      };
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** All or nothing, in one transaction; progress is readable from GET meanwhile. */
  async commit(cityId: string, id: string): Promise<ImportOutcome> {
    const { record, table, mapping } = await this.ready(cityId, id);
    if (!(await this.imports.claimForCommit(id))) {
      throw new DomainError('VERSION_CONFLICT', 'This file is being imported or has been imported already.');
    }
    try {
      const outcome = await this.db.transaction(async (em) => {
        const result = await this.run(em, record, table, mapping, true, (n) => this.imports.progress(id, n));
        if (!result.written) throw new RefusedImport(result);
        return result;
      });
      await this.imports.finish(id, outcome.summary);
      return { summary: outcome.summary, problems: outcome.problems };
    } catch (error) {
      if (error instanceof RefusedImport) {
        const details = {
          reason: 'rows_rejected',
          summary: error.outcome.summary,
          problems: error.outcome.problems,
        };
        await this.imports.reopen(id, details);
        throw new DomainError(
          'VALIDATION_FAILED',
          `${error.outcome.summary.rejected} rows have problems, so nothing was imported. Fix them, or choose to skip them.`,
          details,
        );
      }
      await this.imports.reopen(id, { reason: 'failed' });
      throw error;
    }
  }

  private run(
    em: Parameters<typeof runImport>[0],
    record: ImportRecord,
    table: ParsedTable,
    mapping: ImportMapping,
    write: boolean,
    onProgress: (n: number) => Promise<void>,
  ) {
    const { rows, problems } = mapRows(table, mapping);
    const context = currentRequest();
    return runImport(em, {
      cityId: record.cityId,
      mapping,
      rows,
      total: table.rows.length,
      rowProblems: problems,
      write,
      onProgress,
      actor: {
        importId: record.id,
        userId: context?.viewer?.user?.id ?? null,
        userEmail: context?.viewer?.user?.email ?? null,
        requestId: context?.requestId ?? null,
      },
    });
  }

  private async ready(
    cityId: string,
    id: string,
  ): Promise<{ record: ImportRecord; table: ParsedTable; mapping: ImportMapping }> {
    const record = await this.record(cityId, id);
    if (record.status === 'committed')
      throw new DomainError('VERSION_CONFLICT', 'This file has already been imported.');
    if (!record.mapping)
      throw new DomainError('VALIDATION_FAILED', 'Choose the column mapping first (PUT …/mapping).');
    return { record, table: await this.imports.table(id), mapping: record.mapping };
  }

  private async record(cityId: string, id: string): Promise<ImportRecord> {
    const record = isUuid(id) ? await this.imports.find(cityId, id) : null;
    if (!record)
      throw new DomainError('NOT_FOUND', `Import ${id} was not found (uploads are kept for 7 days).`, { id });
    return record;
  }

  private async view(cityId: string, id: string, parsed?: ParsedTable): Promise<ImportView> {
    const record = await this.record(cityId, id);
    if (parsed) return { ...record, preview: parsed.rows.slice(0, 5), fileProblems: parsed.problems };
    if (record.status === 'committed') return { ...record, preview: [], fileProblems: [] };
    const { rows, problems } = await this.imports.preview(id);
    return { ...record, preview: rows, fileProblems: problems };
  }
}

class RefusedImport extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import refused');
  }
}

function pick<T>(values: string[], suggest: (v: string) => T | null): Record<string, T> {
  return Object.fromEntries(
    values.map((v) => [v, suggest(v)]).filter((e): e is [string, T] => e[1] !== null),
  );
}

function guessSrid(table: ParsedTable, eastingHeader: string | undefined): ImportSrid {
  if (eastingHeader === undefined) return 4326; // WKT without SRID: WGS 84 unless the user says otherwise
  const i = table.headers.indexOf(eastingHeader);
  const sample = i < 0 ? '' : (table.rows.find((r) => (r[i] ?? '') !== '')?.[i] ?? '');
  return sample.startsWith('33') && sample.replace(/\D/g, '').length >= 8 ? 25833 : 25832;
}

/** Semicolon files from German Excel use decimal commas; otherwise a "12,5" in the data decides. */
function guessDecimal(table: ParsedTable, delimiter: string | null): ',' | '.' {
  if (delimiter === ';') return ',';
  if (delimiter === ',') return '.';
  return table.rows.slice(0, 200).some((r) => r.some((c) => /^-?\d+,\d+$/.test(c))) ? ',' : '.';
}

function checkMapping(dto: ImportMappingDto, headers: string[]): ImportMapping {
  const columns = Object.fromEntries(
    Object.entries(dto.columns).filter(([, h]) => typeof h === 'string' && h !== ''),
  ) as Partial<Record<ImportField, string>>;
  const unknown = Object.entries(columns).filter(([, h]) => !headers.includes(h));
  if (unknown.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The file has no column ${unknown.map(([, h]) => `„${h}“`).join(', ')}.`,
      {
        fields: unknown.map(([field, header]) => ({
          field: `columns.${field}`,
          problems: [`no column „${header}“`],
        })),
      },
    );
  }
  if (!columns.street && !columns.address && !columns.referenceId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Choose which column holds the street (or the address, or the town’s reference id).',
    );
  }
  const badStatus = Object.entries(dto.statusValues).filter(
    ([, v]) => !(OCCUPANCY_STATUSES as readonly string[]).includes(v),
  );
  const badCategory = Object.entries(dto.categoryValues).filter(
    ([, v]) => !(USE_CATEGORIES as readonly string[]).includes(v),
  );
  if (badStatus.length || badCategory.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Some value mappings name an unknown status or use category.',
      {
        statusValues: badStatus.map(([k]) => k),
        categoryValues: badCategory.map(([k]) => k),
      },
    );
  }
  return {
    columns,
    srid: dto.srid,
    decimalSeparator: dto.decimalSeparator,
    referenceDate: dto.referenceDate,
    statusValues: dto.statusValues as Record<string, OccupancyStatus>,
    categoryValues: dto.categoryValues as Record<string, UseCategory>,
    skipInvalidRows: dto.skipInvalidRows ?? false,
  };
}
