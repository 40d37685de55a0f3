import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { BusyButton } from '../../../ui/BusyButton';
import { LoadError, Loading } from '../../../ui/Status';
import type { ImportMapping, ImportOutcome, ImportView } from '../api/imports-api';
import { useCommitImport } from '../hooks/use-commit-import';
import { useDryRun } from '../hooks/use-dry-run';
import { useImportProgress } from '../hooks/use-import-progress';
import { useImportSuggestions } from '../hooks/use-import-suggestions';
import { choicesToRecord, countProblems, valueChoices, valuesOfColumn, withColumn } from '../import-mapping';
import { ColumnMappingTable } from './ColumnMappingTable';
import { CommitProgress } from './CommitProgress';
import { ChangePreview } from './ChangePreview';
import { ImportSummaryList } from './ImportSummaryList';
import { MappingOptions } from './MappingOptions';
import { NewUnitsPreview } from './NewUnitsPreview';
import { ProblemTable } from './ProblemTable';
import { uploadInfoText } from '../upload-info';
import { UploadForm } from './UploadForm';
import { ValueMappingTable } from './ValueMappingTable';
import { TrackUnsavedInput } from '../../../ui/TrackUnsavedInput';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';

/** The storefront import for one town: upload → mapping → dry run → commit (docs/import-export.md). */
export function ImportWizard({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<ImportView | null>(null);
  return (
    <section className="panel-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <UploadForm cityId={cityId} onUploaded={setUpload} />
      {upload && <MappingStep key={upload.id} cityId={cityId} upload={upload} />}
    </section>
  );
}

function MappingStep({ cityId, upload }: { cityId: string; upload: ImportView }) {
  const { t } = useTranslation();
  const suggestions = useImportSuggestions(cityId, upload.id);
  const [edited, setEdited] = useState<ImportMapping | null>(null);
  const dryRun = useDryRun(cityId, upload.id);
  const commit = useCommitImport(cityId, upload.id);
  const progress = useImportProgress(cityId, upload.id, commit.isPending);
  const skipId = useId();
  // The upload's summary takes the focus once the mapping is there: the upload button it was on stays
  // above, and nothing else said that the next step had appeared below (WCAG 4.1.3, 2.4.3).
  const uploadInfo = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (suggestions.isSuccess) uploadInfo.current?.focus();
  }, [suggestions.isSuccess]);

  if (suggestions.isPending) return <Loading />;
  if (suggestions.error) return <LoadError error={suggestions.error} />;
  const known = suggestions.data;
  const mapping = edited ?? known.mapping;
  const change = (next: ImportMapping) => {
    setEdited(next);
    dryRun.reset();
  };
  const statusChoices = valueChoices<OccupancyStatus>(
    valuesOfColumn(known.values, mapping.columns.status),
    mapping.statusValues,
    {},
  );
  const categoryChoices = valueChoices<UseCategory>(
    valuesOfColumn(known.values, mapping.columns.useCategory),
    mapping.categoryValues,
    {},
  );
  const report = dryRun.data;
  const counts = report ? countProblems(report.problems) : null;
  const committed: ImportOutcome | undefined = commit.data;
  const refused = isApiError(commit.error, 'VALIDATION_FAILED')
    ? (commit.error.details as (Partial<ImportOutcome> & { reason?: string }) | undefined)
    : undefined;
  const countsText = counts
    ? t('import.report.counts', {
        errors: t('import.report.errors', { count: counts.errors }),
        rows: t('import.report.rows', { count: counts.rowsWithErrors }),
        warnings: t('import.report.warnings', { count: counts.warnings }),
      })
    : '';
  const mayCommit = report !== undefined && (report.summary.rejected === 0 || mapping.skipInvalidRows);

  return (
    // The column and value mapping is work: leaving before the commit asks first (ui/unsaved-changes).
    <div className="import-step" data-unsaved-scope>
      <TrackUnsavedInput saved={committed !== undefined} />
      <p data-testid="upload-info" ref={uploadInfo} tabIndex={-1}>
        {uploadInfoText(upload, t)}
      </p>
      {upload.fileProblems.length > 0 && <ProblemTable problems={upload.fileProblems} />}

      <h3>{t('import.columns.heading')}</h3>
      <p className="hint">{t('import.columns.hint')}</p>
      <ColumnMappingTable
        headers={upload.headers}
        mapping={mapping}
        onChange={(field, header) => change(withColumn(mapping, field, header, known))}
      />
      <MappingOptions mapping={mapping} onChange={change} />

      <h3>{t('import.values.heading')}</h3>
      <ValueMappingTable
        caption={t('import.values.statusCaption')}
        choices={statusChoices}
        targets={OCCUPANCY_STATUSES}
        targetLabel={(s) => t(`status.${s}`)}
        onChange={(value, target) =>
          change({
            ...mapping,
            statusValues: choicesToRecord(
              statusChoices.map((c) => (c.value === value ? { value, target } : c)),
            ),
          })
        }
      />
      <ValueMappingTable
        caption={t('import.values.categoryCaption')}
        choices={categoryChoices}
        targets={USE_CATEGORIES}
        targetLabel={(c) => t(`category.${c}`)}
        onChange={(value, target) =>
          change({
            ...mapping,
            categoryValues: choicesToRecord(
              categoryChoices.map((c) => (c.value === value ? { value, target } : c)),
            ),
          })
        }
      />

      <h3>{t('import.report.heading')}</h3>
      <BusyButton
        className="button"
        disabled={committed !== undefined}
        busy={dryRun.isPending || commit.isPending}
        onClick={() => dryRun.mutate(mapping)}
      >
        {t('import.report.run')}
      </BusyButton>
      {dryRun.isPending && <Loading />}
      {dryRun.error && <ApiErrorMessage error={dryRun.error} />}
      {/* always there, so that the dry run's result is read when it arrives (one added with its text often is not) */}
      <p role="status" className="visually-hidden" data-testid="dry-run-status">
        {counts ? countsText : ''}
      </p>
      {report && counts && (
        <div data-testid="dry-run-report">
          <ImportSummaryList summary={report.summary} testId="dry-run-summary" />
          <p>{countsText}</p>
          <ProblemTable problems={report.problems} />
          <NewUnitsPreview newUnits={report.newUnits} created={report.summary.created} />
          <ChangePreview changes={report.changes} updated={report.summary.updated} />
        </div>
      )}

      {report && (
        <>
          <h3>{t('import.commit.heading')}</h3>
          {report.summary.rejected > 0 && (
            <p className="checkbox-field">
              <input
                id={skipId}
                type="checkbox"
                checked={mapping.skipInvalidRows}
                disabled={commit.isPending || committed !== undefined}
                onChange={(e) => setEdited({ ...mapping, skipInvalidRows: e.target.checked })}
              />
              <label htmlFor={skipId}>
                {t('import.commit.skipInvalid', { count: report.summary.rejected })}
              </label>
            </p>
          )}
          {!mayCommit && <p className="hint">{t('import.commit.fixFirst')}</p>}
          <BusyButton
            className="button button--primary"
            disabled={!mayCommit || committed !== undefined}
            busy={commit.isPending}
            onClick={() => commit.mutate(mapping)}
          >
            {t('import.commit.run')}
          </BusyButton>
          {commit.isPending && (
            <CommitProgress
              processed={progress.data?.processed ?? 0}
              rowCount={progress.data?.rowCount ?? upload.rowCount}
            />
          )}
          {commit.error && <ApiErrorMessage error={commit.error} />}
          {refused?.problems && <ProblemTable problems={refused.problems} />}
          {committed && <CommitResult outcome={committed} />}
        </>
      )}
    </div>
  );
}

/**
 * What the commit did, with the rows it skipped or did not import (line, column, reason) — the counts
 * alone left the city manager without the list of what to add by hand. It takes the keyboard focus:
 * the commit button it replaces as the next step is disabled now, and focus left there would fall back
 * to the top of the page.
 */
function CommitResult({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const ref = useFocusOnOpen<HTMLDivElement>();
  return (
    <div data-testid="commit-result" ref={ref} tabIndex={-1}>
      <div role="status">
        <p>{t('import.commit.done')}</p>
        <ImportSummaryList summary={outcome.summary} testId="commit-summary" />
      </div>
      {outcome.problems.length > 0 && (
        <details open data-testid="commit-problems">
          <summary>{t('import.commit.problems', { count: outcome.problems.length })}</summary>
          <ProblemTable problems={outcome.problems} />
        </details>
      )}
    </div>
  );
}
