import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../lib/domain';
import { formatDate, formatEuro } from '../../../lib/format';

export function InterventionList({ interventions }: { interventions: Intervention[] }) {
  const { t } = useTranslation();
  if (interventions.length === 0) return <p>{t('panel.noInterventions')}</p>;
  return (
    <ul className="intervention-list">
      {interventions.map((i) => (
        <li key={i.id}>
          <strong>{i.title}</strong>
          <span>
            {t(`interventionType.${i.type}`)} · {t(`interventionState.${i.state}`)}
          </span>
          <span>
            {formatDate(i.startDate)} – {formatDate(i.endDate)}
            {i.budgetEur !== null && ` · ${formatEuro(i.budgetEur)}`}
          </span>
          {i.lessonsLearned && <span className="intervention-list__lessons">{i.lessonsLearned}</span>}
        </li>
      ))}
    </ul>
  );
}
