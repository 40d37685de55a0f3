import { DomainError } from './domain-error.js';

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

function driverErrorOf(error: unknown): PgLikeError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { driverError?: PgLikeError } & PgLikeError;
  return e.driverError ?? e;
}

export function isConnectionError(error: unknown): boolean {
  const e = driverErrorOf(error);
  if (!e) return false;
  if (e.code && CONNECTION_CODES.has(e.code)) return true;
  const message = e.message ?? '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
    message,
  );
}

/** PostGIS's messages for geometry it cannot read (raised as XX000). */
const POSTGIS_INPUT = /geometry|geojson|parse error|lwgeom|coordinate|srid/i;

/**
 * Translates the database's refusal into the domain's words. The constraints are the last line
 * of defence: services check first and give friendlier messages, but a race still lands here.
 */
export function translatePgError(error: unknown): DomainError | null {
  if (isConnectionError(error)) {
    return new DomainError(
      'DATABASE_UNAVAILABLE',
      'The database is not reachable right now. Please try again in a moment.',
    );
  }
  const e = driverErrorOf(error);
  if (!e?.code) return null;
  const constraint = e.constraint;
  switch (e.code) {
    case '23P01':
      return new DomainError(
        'OVERLAPPING_PERIODS',
        'This period overlaps another period of the same storefront. A storefront can only have one status at a time.',
        { constraint },
      );
    case 'SF001':
      return new DomainError(
        'HISTORY_GAP',
        'The occupancy history would have a gap: each period must end on the day the next one starts.',
      );
    case '57014':
      // query_canceled: the statement limit (session-limits.ts), or an administrator's pg_cancel_backend.
      return new DomainError(
        'QUERY_TIMEOUT',
        'The database took too long to answer this request and stopped it. Please try again in a moment; if it keeps happening, choose fewer towns or a shorter period.',
      );
    case '40P01':
    case '40001':
      // Two transactions writing the same town's data in opposite order (docs/data-model.md): one is cancelled.
      return new DomainError(
        'CONCURRENT_WRITE',
        'Someone else changed data of this town at the same moment. Nothing was saved; please try again.',
      );
    case '23505':
      return new DomainError('DUPLICATE', duplicateMessage(constraint), { constraint });
    case '23503':
      return new DomainError(
        'CONSTRAINT_VIOLATED',
        'A referenced record does not exist or belongs to another town.',
        { constraint },
      );
    case '23514':
    case '23502':
      return new DomainError('CONSTRAINT_VIOLATED', 'The values are not allowed together.', { constraint });
    case '22P02':
    case '22021':
    case '22P05':
    case '54001':
    case '22007':
    case '22008':
    case '22003':
      return new DomainError('VALIDATION_FAILED', 'A value has the wrong format or is out of range.');
    case 'XX000':
      // PostGIS reports unreadable geometry input with the internal-error code; anything else with it is a bug (500).
      return POSTGIS_INPUT.test(e.message ?? '')
        ? new DomainError('VALIDATION_FAILED', 'A value has the wrong format or is out of range.')
        : null;
    default:
      return null;
  }
}

function duplicateMessage(constraint: string | undefined): string {
  switch (constraint ?? '') {
    case 'storefronts_reference_unique':
      return 'This town already has a storefront with that reference id.';
    case 'cities_ags_key':
      return 'A town with this municipality key (AGS) already exists.';
    case 'users_email_unique':
      return 'An account with this e-mail address already exists.';
    default:
      return 'A record with these values already exists.';
  }
}
