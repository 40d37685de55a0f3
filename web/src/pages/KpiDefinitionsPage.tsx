import { useEffect } from 'react';
import { KpiDefinitionsList } from '../features/kpis/components/KpiDefinitionsList';

/** /kennzahlen: all KPI definitions; `#vacancyRate` scrolls to one. */
export default function KpiDefinitionsPage() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return <KpiDefinitionsList />;
}
