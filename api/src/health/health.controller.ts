import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { HealthResponse } from './dto/health.response.js';
import { HealthService, type Health } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({
    type: HealthResponse,
    description: 'The API is up and the database answers; versions included.',
  })
  check(): Promise<Health> {
    return this.health.check();
  }
}
