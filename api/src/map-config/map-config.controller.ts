import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MapConfigResponse } from './dto/map-config.response.js';

export interface MapConfig {
  /** Optional street basemap (BASEMAP_STYLE_URL); null = the dashboard's built-in offline style. */
  basemapStyleUrl: string | null;
}

@ApiTags('config')
@Controller('config')
export class MapConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({
    type: MapConfigResponse,
    description: 'Settings the dashboard needs at start: the optional basemap style URL.',
  })
  get(): MapConfig {
    return { basemapStyleUrl: this.config.basemapStyleUrl };
  }
}
