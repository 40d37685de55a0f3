import { Module } from '@nestjs/common';
import { CitiesModule } from './cities/cities.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InterventionsModule } from './interventions/interventions.module.js';
import { NetworksModule } from './networks/networks.module.js';
import { StorefrontsModule } from './storefronts/storefronts.module.js';
import { MapConfigModule } from './map-config/map-config.module.js';
import { TilesModule } from './tiles/tiles.module.js';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    HealthModule,
    NetworksModule,
    CitiesModule,
    StorefrontsModule,
    InterventionsModule,
    TilesModule,
    MapConfigModule,
  ],
})
export class AppModule {}
