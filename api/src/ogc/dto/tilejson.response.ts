import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'VectorLayer', description: 'A layer of the vector tiles and its attributes' })
export class VectorLayerResponse {
  @ApiProperty({ enum: ['storefronts', 'storefront_cells'] })
  id: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  minzoom: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  maxzoom: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Attribute name → its type and meaning',
  })
  fields: Record<string, string>;
}

@ApiSchema({ name: 'TileJson', description: 'TileJSON 3.0.0 for the storefront vector tiles' })
export class TileJsonResponse {
  @ApiProperty({ enum: ['3.0.0'] })
  tilejson: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  version: string;

  @ApiProperty()
  attribution: string;

  @ApiProperty({ enum: ['xyz'] })
  scheme: string;

  @ApiProperty({ type: [String], description: 'URL template of the tiles ({z}/{x}/{y})' })
  tiles: string[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  minzoom: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  maxzoom: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'number' },
    minItems: 4,
    maxItems: 4,
    description:
      '[minLon, minLat, maxLon, maxLat] of the towns that publish open data (a box around Germany without any)',
  })
  bounds: number[];

  @ApiProperty({
    type: 'array',
    items: { type: 'number' },
    minItems: 3,
    maxItems: 3,
    description: '[lon, lat, zoom]',
  })
  center: number[];

  @ApiProperty({ type: [VectorLayerResponse] })
  vector_layers: VectorLayerResponse[];
}
