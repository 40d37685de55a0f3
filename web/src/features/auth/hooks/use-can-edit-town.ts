import { mayEditTown } from '../permissions';
import { useSession } from './use-session';

/** Whether to show editing controls for the town's records (the API enforces it regardless). */
export function useCanEditTown(cityId: string | undefined): boolean {
  const session = useSession();
  return mayEditTown(session.data, cityId);
}
