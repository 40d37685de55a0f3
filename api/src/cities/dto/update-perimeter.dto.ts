import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, Min } from 'class-validator';

export class UpdatePerimeterDto {
  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon in EPSG:4326, bare or as Feature/FeatureCollection',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  perimeter: Record<string, unknown>;

  @ApiProperty({ description: 'The version of the town you edited (optimistic locking)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class UpdateOpenDataDto {
  @ApiProperty({ description: 'Publish storefront locations, statuses, use categories and KPIs to everyone' })
  @IsBoolean()
  openData: boolean;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
