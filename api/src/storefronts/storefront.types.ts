/**
 * The vocabulary of the registry and the shapes the API sends, shared by DTOs, SQL and the dashboard
 * (web/src/lib/domain.ts re-exports them, so a change here is a compile error there). Keep this file
 * free of framework imports. See docs/data-model.md.
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

/** Statuses in which a unit is in use and may carry a use category. */
export const IN_USE_STATUSES: readonly OccupancyStatus[] = ['occupied', 'temporary_use'];

export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}

export interface CurrentOccupancy {
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
  /** Start of the unbroken run of this status (a vacancy's start, even across corrected periods). */
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
  /** null for a viewer who reads the town only as open data (no interventions there). */
  interventionCount: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The period valid on the requested date (today by default). */
  current: CurrentOccupancy | null;
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

/** One period of a storefront's status history, half-open [validFrom, validTo). */
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

/** The on-site verifications of a unit (migration VerificationHistory), newest first. */
export interface StorefrontVisits {
  storefrontId: string;
  /** ISO timestamps of the visits. */
  visits: string[];
}
