import { ApiProperty, ApiSchema, type SchemaObject } from '@nestjs/swagger';
import type { MultiPolygon, Position } from '../geojson.js';
import type { GeoJsonPoint } from '../../storefronts/storefront.types.js';

/** [lon, lat] in EPSG:4326. */
const POSITION: SchemaObject = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };

const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

@ApiSchema({ name: 'GeoJsonPoint', description: 'A GeoJSON Point in EPSG:4326' })
export class GeoJsonPointResponse implements GeoJsonPoint {
  @ApiProperty({ enum: ['Point'] })
  type: 'Point';

  @ApiProperty({
    type: 'array',
    items: { type: 'number' },
    minItems: 2,
    maxItems: 2,
    description: '[lon, lat] in EPSG:4326',
    example: [10.4584, 51.2098],
  })
  coordinates: [number, number];
}

@ApiSchema({ name: 'GeoJsonMultiPolygon', description: 'A GeoJSON MultiPolygon in EPSG:4326' })
export class GeoJsonMultiPolygonResponse implements MultiPolygon {
  @ApiProperty({ enum: ['MultiPolygon'] })
  type: 'MultiPolygon';

  @ApiProperty({
    type: 'array',
    items: arrayOf(arrayOf(POSITION)),
    description: 'Polygons → rings → [lon, lat] positions; each ring ends where it starts',
  })
  coordinates: Position[][][];
}
