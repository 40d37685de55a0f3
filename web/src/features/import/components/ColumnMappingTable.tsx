import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../api/imports-api';

/** One labelled select per target field: which column of the file holds it (the API's guess preselected). */
export function ColumnMappingTable({
  headers,
  mapping,
  onChange,
}: {
  headers: string[];
  mapping: ImportMapping;
  onChange: (field: ImportField, header: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="table-wrap">
      <table className="storefront-table" data-testid="column-mapping">
        <caption>{t('import.columns.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.columns.field')}</th>
            <th scope="col">{t('import.columns.column')}</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">
                <label htmlFor={`${id}-${field}`}>{t(`import.field.${field}`)}</label>
              </th>
              <td>
                <select
                  id={`${id}-${field}`}
                  value={mapping.columns[field] ?? ''}
                  onChange={(e) => onChange(field, e.target.value)}
                >
                  <option value="">{t('import.columns.none')}</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
