import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { NetworkResponse } from './dto/network.response.js';
import type { Network } from './network.types.js';
import { NetworksRepository } from './networks.repository.js';

@ApiTags('networks')
@Controller('networks')
@Public()
export class NetworksController {
  constructor(private readonly networks: NetworksRepository) {}

  @Get()
  @ApiOkResponse({
    type: [NetworkResponse],
    description: 'All networks of towns, by name, with their members.',
  })
  list(): Promise<Network[]> {
    return this.networks.list();
  }

  @Get(':idOrSlug')
  @ApiOkResponse({ type: NetworkResponse, description: 'One network of towns, with its members.' })
  @ApiErrors([404, 'There is no network with this id or slug (NOT_FOUND).'])
  async get(@Param('idOrSlug') idOrSlug: string): Promise<Network> {
    return (await this.networks.find(idOrSlug)) ?? Promise.reject(notFound('Network', idOrSlug));
  }
}
