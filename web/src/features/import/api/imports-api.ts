import { api, queryString } from '../../../lib/api-client';
import type { OccupancyStatus, UseCategory } from '../../../lib/domain';
import type {
  FileInfo,
  ImportMapping,
  ImportOutcome,
  ImportProblem,
  ImportStatus,
  ImportSummary,
} from '../../../../../api/src/imports/import.types';

export { IMPORT_FIELDS, IMPORT_SRIDS } from '../../../../../api/src/imports/import.types';
export type {
  ImportField,
  ImportMapping,
  ImportOutcome,
  ImportProblem,
  ImportSrid,
  ImportSummary,
  ProblemCode,
} from '../../../../../api/src/imports/import.types';

/** GET/POST …/imports answers (api/src/imports/imports.service.ts `ImportView`). */
export interface ImportView {
  id: string;
  cityId: string;
  fileName: string | null;
  status: ImportStatus;
  headers: string[];
  rowCount: number;
  fileInfo: FileInfo;
  mapping: ImportMapping | null;
  processed: number;
  summary: ImportSummary | null;
  preview: string[][];
  fileProblems: ImportProblem[];
}

export interface ImportSuggestions {
  mapping: ImportMapping;
  /** Distinct cell texts per header (only for columns with few). */
  values: Record<string, string[]>;
  knownStatuses: Record<string, OccupancyStatus | null>;
  knownCategories: Record<string, UseCategory | null>;
}

export interface DryRunResult extends ImportOutcome {
  committable: boolean;
}

const base = (cityId: string) => `/api/cities/${encodeURIComponent(cityId)}/imports`;

/** The storefront import of docs/import-export.md: upload → suggestions → mapping → dry run → commit. */
export const importsApi = {
  upload: (cityId: string, file: File) =>
    api.upload<ImportView>(`${base(cityId)}${queryString({ fileName: file.name })}`, file),
  get: (cityId: string, importId: string) => api.get<ImportView>(`${base(cityId)}/${importId}`),
  suggestions: (cityId: string, importId: string) =>
    api.get<ImportSuggestions>(`${base(cityId)}/${importId}/suggestions`),
  saveMapping: (cityId: string, importId: string, mapping: ImportMapping) =>
    api.put<ImportView>(`${base(cityId)}/${importId}/mapping`, mapping),
  dryRun: (cityId: string, importId: string) => api.post<DryRunResult>(`${base(cityId)}/${importId}/dry-run`),
  commit: (cityId: string, importId: string) => api.post<ImportOutcome>(`${base(cityId)}/${importId}/commit`),
};
