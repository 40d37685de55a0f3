import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { MapConfig } from '../map-config.controller.js';

@ApiSchema({ name: 'MapConfig' })
export class MapConfigResponse implements MapConfig {
  @ApiProperty({
    type: String,
    format: 'uri',
    nullable: true,
    description:
      'A MapLibre style for the street basemap (BASEMAP_STYLE_URL); null: the built-in offline style',
  })
  basemapStyleUrl: string | null;
}
