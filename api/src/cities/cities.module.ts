import { Module } from '@nestjs/common';
import { CitiesController } from './cities.controller.js';
import { CitiesRepository } from './cities.repository.js';
import { CitiesService } from './cities.service.js';

@Module({
  controllers: [CitiesController],
  providers: [CitiesRepository, CitiesService],
  exports: [CitiesRepository],
})
export class CitiesModule {}
