import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { BusyButton } from '../../../ui/BusyButton';
import { Field } from '../../../ui/Field';
import { useFootfallTrend } from '../hooks/use-footfall-trend';
import { useUploadCounts } from '../hooks/use-upload-counts';
import { similarLocation } from '../footfall-trend';
import { rejectedLinesOf } from '../rejected-lines';
import { CounterLineTable } from './CounterLineTable';
import { FootfallReport } from './FootfallReport';

/** A laser counter's hourly export for one counting location, and the report of what was stored. */
export function FootfallUploadForm({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const upload = useUploadCounts(cityId);
  const [location, setLocation] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // the town's counting locations, to pick from: a name typed a little differently starts a new counter
  const known = useFootfallTrend(cityId).data?.locations.map((l) => l.name) ?? [];
  const listId = useId();
  const similar = similarLocation(location, known);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && location.trim()) upload.mutate({ location: location.trim(), file });
  };
  return (
    <div>
      <form className="form" onSubmit={submit}>
        <Field label={t('footfall.location')} hint={t('footfall.locationHint')} required>
          {(id, props) => (
            <>
              <input
                id={id}
                type="text"
                maxLength={120}
                list={listId}
                value={location}
                onChange={(e) => setLocation(e.target.value)}
                {...props}
              />
              <datalist id={listId}>
                {known.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {similar && (
          <p className="hint" role="status" data-testid="similar-location">
            {t('footfall.similarLocation', { name: similar })}{' '}
            <button type="button" className="button button--ghost" onClick={() => setLocation(similar)}>
              {t('footfall.useLocation', { name: similar })}
            </button>
          </p>
        )}
        <Field label={t('footfall.file')} required>
          {(id, props) => (
            <input
              id={id}
              type="file"
              accept=".csv,.txt,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              {...props}
            />
          )}
        </Field>
        <BusyButton
          type="submit"
          className="button"
          disabled={!file || !location.trim()}
          busy={upload.isPending}
        >
          {t('footfall.submit')}
        </BusyButton>
      </form>
      {upload.error && (
        <>
          <ApiErrorMessage error={upload.error} />
          <CounterLineTable
            caption={t('footfall.report.rejectedInFile')}
            lines={rejectedLinesOf(upload.error)}
          />
        </>
      )}
      {upload.data && <FootfallReport report={upload.data} />}
    </div>
  );
}
