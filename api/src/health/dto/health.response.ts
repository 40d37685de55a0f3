import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Health, Liveness, Readiness } from '../health.service.js';
import type { ReportRendererState } from '../../reports/report-pdf.renderer.js';

@ApiSchema({ name: 'DatabaseVersions' })
export class DatabaseVersionsResponse {
  @ApiProperty({ example: '15.8', description: 'PostgreSQL' })
  version: string;

  @ApiProperty({ example: '3.4.2' })
  postgis: string;
}

@ApiSchema({ name: 'Health' })
export class HealthResponse implements Health {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: DatabaseVersionsResponse })
  database: DatabaseVersionsResponse;
}

@ApiSchema({ name: 'Liveness' })
export class LivenessResponse implements Liveness {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

@ApiSchema({ name: 'Readiness' })
export class ReadinessResponse extends HealthResponse implements Readiness {
  @ApiProperty({
    enum: ['running', 'installed', 'unavailable'],
    description:
      'PDF reports: `running` (the browser is up), `installed` (Chromium found; launched with the first report), `unavailable` (not found, its last launch failed, or no built dashboard is served: PDFs answer 503). Does not affect readiness.',
  })
  reportRenderer: ReportRendererState;
}
