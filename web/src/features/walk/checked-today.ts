import { dayInGermany, todayIso } from '../../lib/dates';

/** Whether a unit's last on-site visit (`verifiedAt`) was today in Germany: it is done for the day's walk. */
export const checkedToday = (verifiedAt: string | null): boolean =>
  verifiedAt !== null && dayInGermany(verifiedAt) === todayIso();
