import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { TileJsonResponse } from './dto/tilejson.response.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { apiBase } from './api-base.js';
import { OgcRepository } from './ogc.repository.js';

/**
 * TileJSON 3.0.0 for the storefront vector tiles (served by the tiles module). Anonymous clients
 * get the open-data towns' units; signed-in clients the towns they may read (same URL, cookies).
 */
@ApiTags('ogc')
@Controller('tiles')
export class TileJsonController {
  constructor(
    private readonly ogc: OgcRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('storefronts.json')
  @Public()
  @ApiOkResponse({
    type: TileJsonResponse,
    description:
      'TileJSON for the storefront vector tiles: their URL, zoom range, extent and layers. `bounds` cover the towns the caller sees on the map (open-data towns and, signed in, the towns they may read).',
  })
  async storefronts(@Req() req: Request, @CurrentViewer() viewer: Viewer) {
    // The towns the tiles show this caller (undefined = every town: an admin).
    const towns = visibleCityIds(viewer, undefined, true);
    const bounds = (await this.ogc.extent(towns, towns === undefined)) ?? [5.8, 47.2, 15.1, 55.1];
    return {
      tilejson: '3.0.0',
      name: 'Schaufenster storefronts',
      description:
        'Inner-city storefronts and their status. From zoom 13 one point per unit (layer storefronts); below, a grid of counts (layer storefront_cells). Query parameters of the tile URL filter like the map (asOf, status, useCategory …).',
      version: '1.0.0',
      attribution: 'Schaufenster; data: the publishing towns (open data)',
      scheme: 'xyz',
      tiles: [`${apiBase(req, this.config.publicUrl)}/tiles/storefronts/{z}/{x}/{y}`],
      minzoom: 0,
      maxzoom: 20,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 13],
      vector_layers: [
        {
          id: 'storefronts',
          description: 'One point per unit (zoom ≥ 13)',
          minzoom: 13,
          maxzoom: 20,
          fields: {
            id: 'String: unit id',
            status: 'String: occupied, vacant, temporary_use, under_renovation, not_lettable, demolished',
            use_category: 'String: use while in use',
            street: 'String',
            house_number: 'String',
            status_since: 'String: date the current status began',
            inside_perimeter: 'Boolean: inside the downtown perimeter',
          },
        },
        {
          id: 'storefront_cells',
          description: 'Counts per grid cell (zoom < 13)',
          minzoom: 0,
          maxzoom: 12,
          fields: { units: 'Number', vacant: 'Number', vacancy_share: 'Number: vacant / units' },
        },
      ],
    };
  }
}
