import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { BusyButton } from '../../../ui/BusyButton';
import { Field } from '../../../ui/Field';
import type { ImportView } from '../api/imports-api';
import { useUploadImport } from '../hooks/use-upload-import';
import { confirmDiscard } from '../../../ui/unsaved-changes';

const ACCEPT = '.csv,.txt,.xlsx,.geojson,.json,text/csv,application/geo+json';

/** Chooses a storefront list and sends it; the parent shows the mapping for the answer. */
export function UploadForm({ cityId, onUploaded }: { cityId: string; onUploaded: (u: ImportView) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport(cityId);
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A new file starts a new mapping: the one in progress (if changed) is lost, so asked first.
    if (file && confirmDiscard()) upload.mutate(file, { onSuccess: onUploaded });
  };
  return (
    <form className="form" onSubmit={submit}>
      <Field label={t('import.upload.file')} hint={t('import.upload.hint')} required>
        {(id, props) => (
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            {...props}
          />
        )}
      </Field>
      <BusyButton type="submit" className="button" disabled={!file} busy={upload.isPending}>
        {t('import.upload.submit')}
      </BusyButton>
      {upload.error && <ApiErrorMessage error={upload.error} />}
    </form>
  );
}
