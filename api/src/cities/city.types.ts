import type { GeoJsonPoint } from '../storefronts/storefront.types.js';
import type { MultiPolygon } from '../common/geojson.js';
import type { TownAccess } from '../auth/viewer.js';

export interface CitySummary {
  id: string;
  slug: string;
  name: string;
  officialName: string | null;
  ags: string;
  state: string;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  centre: GeoJsonPoint;
  perimeterIsPlaceholder: boolean;
  networkSlugs: string[];
  /** [minLon, minLat, maxLon, maxLat] of the boundary (or of the perimeter when there is none). */
  bbox: [number, number, number, number] | null;
  /** null where the viewer may not read the town's storefronts */
  storefrontCount: number | null;
  /** some of the town's storefronts are synthetic demo data: its figures describe no real downtown */
  isSynthetic: boolean;
  openData: boolean;
  version: number;
}

/** A town as answered to one viewer: with what they may do with its records (the dashboard offers that). */
export type ForViewer<T extends CitySummary> = T & { access: TownAccess };

export interface City extends CitySummary {
  boundary: MultiPolygon | null;
  boundarySource: string | null;
  perimeter: MultiPolygon | null;
}
