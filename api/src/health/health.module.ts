import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

/** Liveness, readiness and the original health check (docs/operations.md, "Monitoring"). */
@Module({ imports: [ReportsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
