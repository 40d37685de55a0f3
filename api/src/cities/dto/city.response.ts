import { TOWN_ACCESS, type TownAccess } from '../../auth/viewer.js';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { GeoJsonMultiPolygonResponse, GeoJsonPointResponse } from '../../common/openapi/geojson.response.js';
import type { City, CitySummary } from '../city.types.js';

@ApiSchema({ name: 'CitySummary', description: 'A town as listed: reference data, without its geometries' })
export class CitySummaryResponse implements CitySummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'muehlhausen' })
  slug: string;

  @ApiProperty({ example: 'Mühlhausen' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mühlhausen/Thüringen' })
  officialName: string | null;

  @ApiProperty({
    description: 'Official municipality key (Amtlicher Gemeindeschlüssel)',
    example: '16064046',
  })
  ags: string;

  @ApiProperty({ example: 'Thüringen' })
  state: string;

  @ApiProperty({ type: 'integer', nullable: true })
  population: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  populationYear: number | null;

  @ApiProperty({ type: String, nullable: true })
  populationSource: string | null;

  @ApiProperty({ type: GeoJsonPointResponse, description: 'The town centre' })
  centre: GeoJsonPointResponse;

  @ApiProperty({ description: 'The downtown perimeter is a provisional buffer around the centre' })
  perimeterIsPlaceholder: boolean;

  @ApiProperty({ type: [String], description: 'Slugs of the networks the town belongs to, by network name' })
  networkSlugs: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'number' },
    minItems: 4,
    maxItems: 4,
    nullable: true,
    description: '[minLon, minLat, maxLon, maxLat] of the boundary (or of the perimeter when there is none)',
  })
  bbox: [number, number, number, number] | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Number of storefront units; null where the caller may not read the town’s storefronts',
  })
  storefrontCount: number | null;

  @ApiProperty({
    description:
      'Some of the town’s storefronts are synthetic demo data (`is_synthetic`): its maps and KPIs describe no real downtown. False where the caller may not read the town’s storefronts',
  })
  isSynthetic: boolean;

  @ApiProperty({
    description: 'The town publishes its storefront data as open data (readable without sign-in)',
  })
  openData: boolean;

  @ApiProperty({ type: 'integer', description: 'Send it back with a change (optimistic locking)' })
  version: number;

  @ApiProperty({
    enum: TOWN_ACCESS,
    description:
      'What the caller may do with the town’s records: edit, read (all, interventions and business names included), public (what an open-data town publishes) or none',
  })
  access: TownAccess;
}

@ApiSchema({ name: 'City', description: 'A town with its municipal boundary and downtown perimeter' })
export class CityResponse extends CitySummaryResponse implements City {
  @ApiProperty({ type: GeoJsonMultiPolygonResponse, nullable: true, description: 'Municipal boundary' })
  boundary: GeoJsonMultiPolygonResponse | null;

  @ApiProperty({ type: String, nullable: true })
  boundarySource: string | null;

  @ApiProperty({
    type: GeoJsonMultiPolygonResponse,
    nullable: true,
    description: 'The downtown perimeter the KPIs count in',
  })
  perimeter: GeoJsonMultiPolygonResponse | null;
}
