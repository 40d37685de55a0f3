import { useQuery } from '@tanstack/react-query';
import { footfallApi } from '../api/footfall-api';
import { footfallKeys } from '../api/footfall-keys';

/** The town's weekday-adjusted year-on-year footfall and its monthly vacancy rate (last 12 months). */
export function useFootfallTrend(cityId: string) {
  return useQuery({ queryKey: footfallKeys.trend(cityId), queryFn: () => footfallApi.trend(cityId) });
}
