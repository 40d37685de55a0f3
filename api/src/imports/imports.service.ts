import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { allowLongRunning } from '../database/session-limits.js';
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
import { listChanges, listNewUnits } from './import-preview.js';
import { mapRows } from './import-rows.js';
import { DONE_AFTER, isWritable, planImport, writePlan, type PlannedImport } from './import-run.js';
import { dropPlan, hasPlan, restorePlan, savePlan, townDataVersion } from './import-plan-store.js';
import type { ImportActor } from './import-writes.js';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A dry run or commit of 200,000 rows takes minutes on a busy server: the long-running limits apply. */
  private allowLongRunning(em: EntityManager): Promise<void> {
    return allowLongRunning(em, this.config.databaseLimits.longRunningTimeoutMs);
  }

  async upload(viewer: Viewer, cityId: string, bytes: Buffer, fileName: string | null): Promise<ImportView> {
    const table = await parseImportFile(bytes, detectFormat(bytes, fileName));
    await this.imports.purgeExpired();
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
        // the list's own date where its title names one („Stand 30.11.2026“), else today
        referenceDate: record.fileInfo.listDate ?? todayIso(),
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
    if (!(await this.imports.saveMapping(id, checkMapping(dto, record.headers)))) {
      // A commit claimed the file between the check above and this write.
      throw new DomainError('VERSION_CONFLICT', 'This file is being imported or has been imported already.');
    }
    await dropPlan(this.db, id); // a kept plan was made with the old mapping
    return this.view(cityId, id);
  }

  /**
   * The whole import, planned in a transaction that writes nothing but the plan: the commit reuses it
   * when nothing it depends on has changed by then (import-plan-store.ts).
   */
  async dryRun(cityId: string, id: string): Promise<DryRunResult> {
    const { record, mapping } = await this.ready(cityId, id);
    const table = await this.imports.table(id);
    const planned = await this.db.transaction(async (em) => {
      await this.allowLongRunning(em);
      // Read before planning: a change committed meanwhile makes the plan look older, never newer.
      const dataVersion = await townDataVersion(em, record.cityId, false);
      const result = await this.plan(em, record, table, mapping, () => Promise.resolve());
      if (result.writable) {
        const outcome = { summary: result.summary, problems: result.problems };
        await savePlan(em, { importId: id, cityId: record.cityId, dataVersion, mapping, outcome });
      } else {
        await dropPlan(em, id);
      }
      return { ...result, changes: await listChanges(em, record.cityId), newUnits: await listNewUnits(em) };
    });
    return {
      summary: planned.summary,
      problems: planned.problems,
      committable: planned.writable,
      changes: planned.changes,
      newUnits: planned.newUnits,
    };
  }

  /**
   * All or nothing, in one transaction; progress is readable from GET meanwhile. Writes the dry run's
   * plan when the file's town has not changed since (its version row stays locked from that check to
   * the commit), else plans again.
   */
  async commit(cityId: string, id: string): Promise<ImportOutcome> {
    const { record, mapping } = await this.ready(cityId, id);
    if (!(await this.imports.claimForCommit(id))) {
      throw new DomainError('VERSION_CONFLICT', 'This file is being imported or has been imported already.');
    }
    const progress = (share: number): Promise<void> =>
      this.imports.progress(id, Math.floor(record.rowCount * share));
    try {
      const outcome = await this.db.transaction(async (em) => {
        await this.allowLongRunning(em);
        let planned = await this.keptPlan(em, record, mapping);
        if (planned) await progress(DONE_AFTER.planned);
        else planned = await this.plan(em, record, await this.imports.table(id), mapping, progress);
        if (!planned.writable) throw new RefusedImport(planned);
        await writePlan(em, record.cityId, mapping.referenceDate, actorOf(record), progress);
        await dropPlan(em, id);
        await this.imports.finish(em, id, planned.summary);
        return planned;
      });
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

  /** The dry run's plan, back in the temporary tables, if it is still valid (null: plan again). */
  private async keptPlan(
    em: EntityManager,
    record: ImportRecord,
    mapping: ImportMapping,
  ): Promise<PlannedImport | null> {
    if (!(await hasPlan(em, record.id))) return null;
    const dataVersion = await townDataVersion(em, record.cityId, true);
    const kept = await restorePlan(em, record.id, mapping, dataVersion);
    if (!kept) return null;
    return { ...kept, writable: isWritable(kept.summary, mapping) };
  }

  private async plan(
    em: EntityManager,
    record: ImportRecord,
    table: ParsedTable,
    mapping: ImportMapping,
    onProgress: (share: number) => Promise<void>,
  ): Promise<PlannedImport> {
    const town = { postcodesWithZero: await this.imports.postcodesWithZero(em, record.cityId) };
    const { rows, problems } = mapRows(table, mapping, town);
    return planImport(em, {
      cityId: record.cityId,
      mapping,
      rows,
      total: table.rows.length,
      rowProblems: problems,
      onProgress,
    });
  }

  private async ready(cityId: string, id: string): Promise<{ record: ImportRecord; mapping: ImportMapping }> {
    const record = await this.record(cityId, id);
    if (record.status === 'committed')
      throw new DomainError('VERSION_CONFLICT', 'This file has already been imported.');
    if (!record.mapping)
      throw new DomainError('VALIDATION_FAILED', 'Choose the column mapping first (PUT …/mapping).', {
        reason: 'mapping_missing',
      });
    return { record, mapping: record.mapping };
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

/** Who imports: the audit trail's actor, from the request. */
function actorOf(record: ImportRecord): ImportActor {
  const context = currentRequest();
  return {
    importId: record.id,
    userId: context?.viewer?.user?.id ?? null,
    userEmail: context?.viewer?.user?.email ?? null,
    requestId: context?.requestId ?? null,
  };
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
    // A reason the dashboard explains in its language (not `fields`: its labels would only say
    // „Spaltenzuordnung“), with the missing headers as the mapping names them.
    throw new DomainError(
      'VALIDATION_FAILED',
      `The file has no column ${unknown.map(([, h]) => `„${h}“`).join(', ')}. Choose one of the file’s columns.`,
      {
        reason: 'unknown_column',
        columns: [...new Set(unknown.map(([, header]) => header))],
        mappedFields: unknown.map(([field]) => field),
      },
    );
  }
  if (!columns.street && !columns.address && !columns.referenceId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Choose which column holds the street (or the address, or the town’s reference id).',
      { reason: 'no_address_column' },
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
        reason: 'unknown_value_mapping',
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
