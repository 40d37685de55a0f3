import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { BusyButton } from '../../../ui/BusyButton';
import { Field } from '../../../ui/Field';
import { useCountingLocations } from '../hooks/use-counting-locations';
import { useUploadCounts } from '../hooks/use-upload-counts';
import { similarLocation } from '../footfall-trend';
import { rejectedLinesOf } from '../rejected-lines';
import { CounterLineTable } from './CounterLineTable';
import { FootfallReport } from './FootfallReport';
import { PositionFields, usePositionInput } from './PositionFields';

/** A laser counter's hourly export for one counting location, and the report of what was stored. */
export function FootfallUploadForm({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const upload = useUploadCounts(cityId);
  const [location, setLocation] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // the town's counting locations, to pick from: a name typed a little differently starts a new counter
  const known = useCountingLocations(cityId).data?.map((l) => l.name) ?? [];
  const listId = useId();
  const similar = similarLocation(location, known);
  // a new counting location may get its position; a stored one keeps its own
  const isNew = location.trim() !== '' && !known.includes(location.trim());
  const position = usePositionInput(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !location.trim() || (isNew && position.invalid)) return;
    upload.mutate({
      location: location.trim(),
      file,
      ...(isNew && position.lonLat ? { lonLat: position.lonLat } : {}),
    });
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
        {isNew && <PositionFields input={position} hint={t('footfall.position.newHint')} />}
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
          disabled={!file || !location.trim() || (isNew && position.invalid)}
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
