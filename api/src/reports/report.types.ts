import type { OccupancyStatus } from '../storefronts/storefront.types.js';
import type { VacancyClass } from './vacancy-classes.js';

/** Attribution of the town geometries (perimeter, boundary), shown on every map. */
export const BKG_ATTRIBUTION = '© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)';

export const REPORT_LANGUAGES = ['de', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** One storefront as drawn on the report map: screen coordinates in metres from the top-left corner. */
export interface ReportMapUnit {
  x: number;
  y: number;
  status: Exclude<OccupancyStatus, 'demolished'>;
  insidePerimeter: boolean;
}

/**
 * A street name to print on the report map (the map has no basemap): the centre of the street's
 * units inside the perimeter and the line through its two farthest units, along which the page
 * places the name where it covers fewest markers (web/src/features/reports/street-labels.ts).
 */
export interface ReportMapStreet {
  name: string;
  /** The street's units drawn inside the perimeter on the date (what ranks the labels). */
  units: number;
  x: number;
  y: number;
  /** Degrees, clockwise from the x axis, in (-90, 90] so that the text never reads upside down. */
  angle: number;
  /** The street's two farthest units (the line the angle follows): where its row of markers ends. */
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/**
 * The downtown map of a report as of a date, projected by PostGIS into ETRS89 / UTM (metres, the
 * official CRS of German survey data) so the page can draw it as SVG at any print resolution.
 * x grows to the east, y to the south; the frame is `width` × `height` metres.
 */
export interface ReportMap {
  cityId: string;
  asOf: string;
  /** EPSG code of the projection (25832 west of 12° E, 25833 east of it). */
  crs: string;
  width: number;
  height: number;
  /** SVG path data (PostGIS ST_AsSVG) of the downtown perimeter in frame coordinates; null without one. */
  perimeterPath: string | null;
  perimeterIsPlaceholder: boolean;
  /** Units existing on `asOf` (status other than demolished) inside the frame. */
  units: ReportMapUnit[];
  /** Up to 12 streets with at least 3 units inside the perimeter on `asOf`, most units first. */
  streets: ReportMapStreet[];
  /** Any of the town's storefronts is synthetic demo data. */
  isSynthetic: boolean;
  /** Latest on-site verification of any of the town's units on or before `asOf` (Europe/Berlin date); null if none. */
  lastVerifiedOn: string | null;
  /** Latest change of the town's storefront register (ISO timestamp); null without storefronts. */
  lastChangedAt: string | null;
  attribution: string;
}

/** One member town on the network map: its boundary, label point and vacancy rate on the date. */
export interface NetworkMapTown {
  cityId: string;
  slug: string;
  name: string;
  /**
   * SVG path data (PostGIS ST_AsSVG, whole metres) of the municipal boundary (`cities.boundary`,
   * VG250), simplified to 1/2000 of the frame width; null when the town has no boundary.
   */
  boundaryPath: string | null;
  /** Where the label goes: the centre of the largest circle inside the boundary (else the town centre). */
  labelX: number;
  labelY: number;
  /** The town centre (downtown) in frame coordinates. */
  centreX: number;
  centreY: number;
  /** Vacancy rate on the date, as /api/kpis answers it (docs/kpis.md); null without units then. */
  vacancyRate: number | null;
  /** Index into `classes`; null = "keine Daten". */
  vacancyClass: number | null;
  /** The town's storefronts are synthetic demo data. */
  isSynthetic: boolean;
}

/**
 * The network report's overview map as of a date: the member towns the caller may see (like the
 * network summary), projected into ETRS89 / UTM like the town map, each with its class of the
 * vacancy rate. Without visible towns, `towns` is empty and the frame is 0 × 0.
 */
export interface NetworkReportMap {
  network: { id: string; slug: string; name: string };
  asOf: string;
  crs: string;
  width: number;
  height: number;
  /** Fixed classes of the vacancy rate (vacancy-classes.ts), lowest first. */
  classes: readonly VacancyClass[];
  towns: NetworkMapTown[];
  attribution: string;
}
