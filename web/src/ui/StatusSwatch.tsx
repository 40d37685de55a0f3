import { STATUS_COLORS } from '../features/map/colors';
import type { OccupancyStatus } from '../lib/domain';

export function StatusSwatch({ status }: { status: OccupancyStatus }) {
  return <span className="swatch" aria-hidden="true" style={{ background: STATUS_COLORS[status] }} />;
}
