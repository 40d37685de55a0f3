import { Module } from '@nestjs/common';
import { NetworksController } from './networks.controller.js';
import { NetworksRepository } from './networks.repository.js';

@Module({ controllers: [NetworksController], providers: [NetworksRepository], exports: [NetworksRepository] })
export class NetworksModule {}
