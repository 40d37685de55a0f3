import { Module } from '@nestjs/common';
import { OgcController } from './ogc.controller.js';
import { OgcRepository } from './ogc.repository.js';
import { OgcService } from './ogc.service.js';
import { TileJsonController } from './tilejson.controller.js';

/** Open standards: OGC API – Features (Part 1: Core) and the TileJSON document of the vector tiles. */
@Module({
  controllers: [OgcController, TileJsonController],
  providers: [OgcRepository, OgcService],
})
export class OgcModule {}
