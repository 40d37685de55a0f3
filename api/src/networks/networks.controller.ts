import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { notFound } from '../common/domain-error.js';
import type { Network } from './network.types.js';
import { NetworksRepository } from './networks.repository.js';

@ApiTags('networks')
@Controller('networks')
@Public()
export class NetworksController {
  constructor(private readonly networks: NetworksRepository) {}

  @Get()
  list(): Promise<Network[]> {
    return this.networks.list();
  }

  @Get(':idOrSlug')
  async get(@Param('idOrSlug') idOrSlug: string): Promise<Network> {
    return (await this.networks.find(idOrSlug)) ?? Promise.reject(notFound('Network', idOrSlug));
  }
}
