import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueChoice } from '../import-mapping';

/** Each distinct cell text of the status or category column → a status or category of the registry. */
export function ValueMappingTable<T extends string>({
  caption,
  choices,
  targets,
  targetLabel,
  onChange,
}: {
  caption: string;
  choices: ValueChoice<T>[];
  targets: readonly T[];
  targetLabel: (target: T) => string;
  onChange: (value: string, target: T | '') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (choices.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="storefront-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.values.inFile')}</th>
            <th scope="col">{t('import.values.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((c, i) => (
            <tr key={c.value}>
              <th scope="row">
                <label htmlFor={`${id}-${i}`}>{c.value}</label>
              </th>
              <td>
                {/* named by the file's value; described by the table's caption, which says whose values they are */}
                <select
                  id={`${id}-${i}`}
                  aria-describedby={`${id}-caption`}
                  value={c.target}
                  onChange={(e) => onChange(c.value, e.target.value as T | '')}
                >
                  <option value="">{t('import.values.unmapped')}</option>
                  {targets.map((target) => (
                    <option key={target} value={target}>
                      {targetLabel(target)}
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
