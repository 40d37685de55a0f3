import { todayIso } from '../../../lib/dates';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { IMPORT_SRIDS, type ImportMapping, type ImportSrid } from '../api/imports-api';

/** How values are read: coordinate system, decimal separator and the list's reference date. */
export function MappingOptions({
  mapping,
  onChange,
}: {
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <Field label={t('import.options.srid')}>
        {(id) => (
          <select
            id={id}
            value={mapping.srid}
            onChange={(e) => onChange({ ...mapping, srid: Number(e.target.value) as ImportSrid })}
          >
            {IMPORT_SRIDS.map((srid) => (
              <option key={srid} value={srid}>
                {t(`import.srid.${srid}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('import.options.decimal')}>
        {(id) => (
          <select
            id={id}
            value={mapping.decimalSeparator}
            onChange={(e) => onChange({ ...mapping, decimalSeparator: e.target.value === '.' ? '.' : ',' })}
          >
            <option value=",">{t('import.options.decimalComma')}</option>
            <option value=".">{t('import.options.decimalPoint')}</option>
          </select>
        )}
      </Field>
      <Field label={t('import.options.referenceDate')} hint={t('import.options.referenceDateHint')} required>
        {(id, props) => (
          <input
            id={id}
            type="date"
            max={todayIso()}
            value={mapping.referenceDate}
            onChange={(e) => onChange({ ...mapping, referenceDate: e.target.value })}
            {...props}
          />
        )}
      </Field>
    </div>
  );
}
