import { api, queryString } from '../../../lib/api-client';
import type {
  DryRunResult,
  ImportMapping,
  ImportOutcome,
  ImportSuggestions,
  ImportView,
} from '../../../../../api/src/imports/import.types';

export { IMPORT_FIELDS, IMPORT_SRIDS } from '../../../../../api/src/imports/import.types';
export type {
  DryRunResult,
  FieldChange,
  ImportChange,
  ImportField,
  ImportMapping,
  ImportOutcome,
  ImportProblem,
  ImportSrid,
  ImportSuggestions,
  ImportSummary,
  ImportView,
  NewUnit,
  ProblemCode,
} from '../../../../../api/src/imports/import.types';

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
