/**
 * The registry's vocabulary and resource shapes as the API sends them. They are defined once, in the
 * API's framework-free type modules, and re-exported here: a change of the contract is a compile error
 * in the dashboard, not a silent drift.
 */
import type { City as ApiCity, CitySummary, ForViewer } from '../../../api/src/cities/city.types';
import type { Storefront as ApiStorefront } from '../../../api/src/storefronts/storefront.types';

export {
  FLOORS,
  IN_USE_STATUSES,
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
} from '../../../api/src/storefronts/storefront.types';
export type {
  CurrentOccupancy,
  Floor,
  GeoJsonPoint,
  OccupancyPeriod,
  OccupancyStatus,
  StorefrontPage,
  StorefrontSummary,
  UseCategory,
} from '../../../api/src/storefronts/storefront.types';
export {
  INTERVENTION_OBSTACLES,
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
} from '../../../api/src/interventions/intervention.types';
export type {
  Intervention,
  InterventionObstacle,
  InterventionState,
  InterventionType,
  OutcomeCheck,
} from '../../../api/src/interventions/intervention.types';
export type { Network } from '../../../api/src/networks/network.types';
export type { ObstacleCount } from '../../../api/src/kpis/kpi.types';

export type LonLat = [number, number];
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LonLat[][][];
}

/** A storefront; create and update answers add `warnings` (e.g. outside the downtown perimeter). */
export interface Storefront extends ApiStorefront {
  warnings?: string[];
}

/**
 * A town in lists: `storefrontCount` is null where the viewer may not see the town's numbers; `access`
 * says what the viewer may do with its records.
 */
export type City = ForViewer<CitySummary>;
/** A town with its boundary and downtown perimeter. */
export type CityDetail = ForViewer<ApiCity>;

/**
 * The language of the texts towns record (notes, intervention titles and lessons learned, period notes)
 * and of the reference data's descriptions: German towns' staff write German. Such a text carries
 * `lang={RECORDED_TEXT_LANG}`, so that in the English UI a screen reader reads it as German, not with
 * English rules (WCAG 3.1.2). Names alone (streets, businesses, towns) are exempt and left unmarked.
 */
export const RECORDED_TEXT_LANG = 'de';
