import { Global, Module } from '@nestjs/common';
import { TileCacheInvalidator } from './data-version.service.js';
import { TilesController } from './tiles.controller.js';
import { TilesRepository } from './tiles.repository.js';
import { TileLane } from './tile-lane.js';
import { TileQueries } from './tile-queries.js';
import { TileReplay } from './tile-replay.js';
import { TilesService } from './tiles.service.js';

/**
 * Storefront vector tiles. Global so that every module that writes storefront data can inject
 * `TileCacheInvalidator` and call `invalidate()` after a write.
 */
@Global()
@Module({
  controllers: [TilesController],
  providers: [TileQueries, TilesRepository, TilesService, TileCacheInvalidator, TileReplay, TileLane],
  exports: [TileCacheInvalidator, TileReplay, TileLane],
})
export class TilesModule {}
