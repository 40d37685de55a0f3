import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import { IsLonLat } from '../../common/validators.js';

export class PointDto {
  @ApiProperty({ enum: ['Point'] })
  @Equals('Point')
  type: 'Point';

  @ApiProperty({ type: [Number], example: [10.4584, 51.2098], description: '[lon, lat] in EPSG:4326' })
  @IsLonLat()
  coordinates: [number, number];
}
