import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CitiesModule } from './cities/cities.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { UsersModule } from './users/users.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InterventionsModule } from './interventions/interventions.module.js';
import { KpisModule } from './kpis/kpis.module.js';
import { NetworksModule } from './networks/networks.module.js';
import { StorefrontsModule } from './storefronts/storefronts.module.js';
import { MapConfigModule } from './map-config/map-config.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { TilesModule } from './tiles/tiles.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { OgcModule } from './ogc/ogc.module.js';
import { FootfallModule } from './footfall/footfall.module.js';
import { WalkModule } from './walk/walk.module.js';
import { HousekeepingModule } from './housekeeping/housekeeping.module.js';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuditModule,
    AuthModule,
    UsersModule,
    HealthModule,
    NetworksModule,
    CitiesModule,
    StorefrontsModule,
    ContactsModule,
    InterventionsModule,
    KpisModule,
    TilesModule,
    MapConfigModule,
    ReportsModule,
    ImportsModule,
    ExportsModule,
    OgcModule,
    FootfallModule,
    WalkModule,
    HousekeepingModule,
  ],
})
export class AppModule {}
