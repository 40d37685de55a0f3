/**
 * The registry's vocabulary and resource shapes, as the API sends them (api/src/storefronts/storefront.types.ts).
 * Kept by hand until the OpenAPI client is generated.
 */
export const OCCUPANCY_STATUSES = [
  'occupied',
  'vacant',
  'temporary_use',
  'under_renovation',
  'not_lettable',
  'demolished',
] as const;
export type OccupancyStatus = (typeof OCCUPANCY_STATUSES)[number];

export const USE_CATEGORIES = [
  'retail_comparison',
  'retail_daily',
  'food_drink',
  'services',
  'health',
  'culture_leisure',
  'public_social',
  'other',
] as const;
export type UseCategory = (typeof USE_CATEGORIES)[number];

export const FLOORS = ['ground', 'upper', 'basement'] as const;
export type Floor = (typeof FLOORS)[number];

export const IN_USE_STATUSES: readonly OccupancyStatus[] = ['occupied', 'temporary_use'];

export const INTERVENTION_TYPES = [
  'test_shop',
  'pop_up',
  'temporary_use',
  'rent_subsidy',
  'facade_programme',
  'vacancy_exchange_listing',
  'event',
  'marketing',
  'other',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];
export const INTERVENTION_STATES = ['planned', 'running', 'ended'] as const;
export type InterventionState = (typeof INTERVENTION_STATES)[number];

export type LonLat = [number, number];
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: LonLat;
}
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LonLat[][][];
}

export interface CurrentOccupancy {
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
  statusSince: string;
}

export interface Storefront {
  id: string;
  cityId: string;
  street: string;
  houseNumber: string;
  postcode: string | null;
  location: GeoJsonPoint;
  floorAreaM2: number | null;
  frontageM: number | null;
  floor: Floor;
  referenceId: string | null;
  notes: string | null;
  verifiedAt: string | null;
  isSynthetic: boolean;
  insidePerimeter: boolean;
  interventionCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  current: CurrentOccupancy | null;
  warnings?: string[];
}

export interface StorefrontPage {
  items: Storefront[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}

export interface StorefrontSummary {
  asOf: string;
  total: number;
  byStatus: Partial<Record<OccupancyStatus, number>>;
}

export interface OccupancyPeriod {
  id: string;
  storefrontId: string;
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface City {
  id: string;
  slug: string;
  name: string;
  officialName: string | null;
  ags: string;
  state: string;
  population: number | null;
  populationYear: number | null;
  centre: GeoJsonPoint;
  perimeterIsPlaceholder: boolean;
  networkSlugs: string[];
  bbox: [number, number, number, number] | null;
  /** null when the viewer may not see the town's numbers. */
  storefrontCount: number | null;
  /** The town publishes storefront locations, statuses, use categories and KPIs to everyone. */
  openData: boolean;
}

export interface CityDetail extends City {
  boundary: GeoJsonMultiPolygon | null;
  perimeter: GeoJsonMultiPolygon | null;
  boundarySource: string | null;
  version: number;
}

export interface Network {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  cityIds: string[];
}

export interface OutcomeCheck {
  monthsAfterEnd: 6 | 12 | 24;
  checkedOn: string | null;
  regularLeaseSigned: boolean | null;
  businessStillTrading: boolean | null;
  note: string | null;
}

export interface Intervention {
  id: string;
  cityId: string;
  type: InterventionType;
  title: string;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetEur: number | null;
  fundingSource: string | null;
  partners: string | null;
  state: InterventionState;
  lessonsLearned: string | null;
  storefrontIds: string[];
  outcomeChecks: OutcomeCheck[];
  isSynthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
