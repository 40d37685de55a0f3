import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Probe, Public } from '../auth/access.decorator.js';
import { ApiErrorBody } from '../common/openapi/api-error.body.js';
import { HealthResponse, LivenessResponse, ReadinessResponse } from './dto/health.response.js';
import { HealthService, type Health, type Liveness, type Readiness } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({
    type: HealthResponse,
    description:
      'The API is up and the database answers; versions included. Kept for existing monitors: /health/ready says the same and more.',
  })
  check(): Promise<Health> {
    return this.health.check();
  }

  @Get('live')
  @Probe()
  @ApiOkResponse({
    type: LivenessResponse,
    description:
      'The process is up and answers; the database is not asked (this answers while it is away or the pool is exhausted). For an orchestrator’s liveness probe: restart when it fails.',
  })
  live(): Liveness {
    return this.health.live();
  }

  @Get('ready')
  @Probe()
  @ApiOkResponse({
    type: ReadinessResponse,
    description:
      'Ready for traffic: the database answered within 3 s (a pool connection and a query). The PDF renderer’s state is reported, not required.',
  })
  @ApiExtraModels(ApiErrorBody)
  @ApiResponse({
    status: 503,
    description:
      'Not ready (DATABASE_UNAVAILABLE, with Retry-After): the database did not answer in time; `details.reportRenderer` as in the 200 answer.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorBody) } } },
  })
  ready(): Promise<Readiness> {
    return this.health.ready();
  }
}
