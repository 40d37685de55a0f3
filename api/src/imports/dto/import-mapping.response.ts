import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import {
  IMPORT_FIELDS,
  IMPORT_SRIDS,
  type ImportField,
  type ImportMapping,
  type ImportSrid,
} from '../import.types.js';

@ApiSchema({
  name: 'ImportMapping',
  description: 'Which column of the file means what, and how its values translate',
})
export class ImportMappingResponse implements ImportMapping {
  @ApiProperty({
    type: 'object',
    description: 'Field → header of the file; fields the file does not have are left out',
    properties: Object.fromEntries(IMPORT_FIELDS.map((field) => [field, { type: 'string' }])),
  })
  columns: Partial<Record<ImportField, string>>;

  @ApiProperty({
    enum: IMPORT_SRIDS,
    type: 'integer',
    description: 'System of easting/northing and WKT columns',
  })
  srid: ImportSrid;

  @ApiProperty({ enum: [',', '.'] })
  decimalSeparator: ',' | '.';

  @ApiProperty({ format: 'date', description: 'The list’s reference date: status changes take effect on it' })
  referenceDate: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...OCCUPANCY_STATUSES] },
    description: 'Cell text → status',
    example: { Leerstand: 'vacant' },
  })
  statusValues: Record<string, OccupancyStatus>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...USE_CATEGORIES] },
    description: 'Cell text → use category',
    example: { Gastronomie: 'food_drink' },
  })
  categoryValues: Record<string, UseCategory>;

  @ApiProperty({ description: 'Import the good rows and report the others as rejected' })
  skipInvalidRows: boolean;
}
