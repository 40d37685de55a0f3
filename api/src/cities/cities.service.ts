import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound, versionConflict } from '../common/domain-error.js';
import { toMultiPolygon } from '../common/geojson.js';
import { isUuid } from '../common/id-or-slug.js';
import { CitiesRepository } from './cities.repository.js';
import type { City } from './city.types.js';

@Injectable()
export class CitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly cities: CitiesRepository,
  ) {}

  async get(idOrSlug: string): Promise<City> {
    return (await this.cities.find(idOrSlug)) ?? Promise.reject(notFound('Town', idOrSlug));
  }

  /** Replaces the placeholder (or a previous) downtown perimeter with one the city manager drew. */
  async updatePerimeter(id: string, input: Record<string, unknown>, version: number): Promise<City> {
    if (!isUuid(id)) throw notFound('Town', id);
    const geometry = toMultiPolygon(input);
    await this.db.transaction(async (em) => {
      const current = await this.cities.lockVersion(em, id);
      if (current === null) throw notFound('Town', id);
      if (current !== version) throw versionConflict('town', await this.cities.find(id, em));
      const problem = await this.cities.geometryProblem(em, geometry);
      if (problem) throw new DomainError('INVALID_GEOMETRY', `The perimeter is not a valid area: ${problem}.`, { reason: problem });
      if (!(await this.cities.perimeterIntersectsBoundary(em, id, geometry))) {
        throw new DomainError('OUTSIDE_TOWN', 'The perimeter lies entirely outside the town’s municipal boundary.');
      }
      await this.cities.setPerimeter(em, id, geometry);
    });
    return this.get(id);
  }
}
