import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { TownResolver } from '../auth/town-resolver.js';
import { DomainError, notFound, versionConflict } from '../common/domain-error.js';
import { toMultiPolygon } from '../common/geojson.js';
import { isUuid } from '../common/id-or-slug.js';
import { CitiesRepository } from './cities.repository.js';
import type { City } from './city.types.js';

/**
 * A downtown perimeter lies within its town — up to 1 km beyond the municipal boundary (a street drawn
 * along the border) — and covers at most 50 km² (a perimeter the size of Europe broke the report map).
 */
const BOUNDARY_MARGIN_M = 1000;
const MAX_PERIMETER_KM2 = 50;

@Injectable()
export class CitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly cities: CitiesRepository,
    private readonly audit: AuditService,
    private readonly towns: TownResolver,
  ) {}

  async get(idOrSlug: string): Promise<City> {
    return (await this.cities.find(idOrSlug)) ?? Promise.reject(notFound('Town', idOrSlug));
  }

  /** Replaces the placeholder (or a previous) downtown perimeter with one the city manager drew. */
  async updatePerimeter(id: string, input: Record<string, unknown>, version: number): Promise<City> {
    if (!isUuid(id)) throw notFound('Town', id);
    const geometry = toMultiPolygon(input);
    await this.writeLocked(id, version, async (em) => {
      const problem = await this.cities.geometryProblem(em, geometry);
      if (problem)
        throw new DomainError('INVALID_GEOMETRY', `The perimeter is not a valid area: ${problem}.`, {
          reason: problem,
        });
      const fit = await this.cities.perimeterFit(
        em,
        id,
        geometry,
        MAX_PERIMETER_KM2 * 1e6,
        BOUNDARY_MARGIN_M,
      );
      if (fit === 'too_large') {
        throw new DomainError(
          'INVALID_GEOMETRY',
          `The perimeter covers more than ${MAX_PERIMETER_KM2} km²: a downtown is smaller. Is it the right area, in degrees of longitude and latitude (WGS 84)?`,
          { reason: 'perimeter_too_large' },
        );
      }
      if (fit === 'outside') {
        throw new DomainError(
          'OUTSIDE_TOWN',
          'The perimeter lies entirely outside the town’s municipal boundary.',
          {
            reason: 'perimeter_outside',
          },
        );
      }
      if (fit === 'beyond') {
        throw new DomainError(
          'OUTSIDE_TOWN',
          `The perimeter reaches more than ${BOUNDARY_MARGIN_M / 1000} km beyond the town’s municipal boundary: a downtown lies within its town.`,
          { reason: 'perimeter_beyond' },
        );
      }
      await this.cities.setPerimeter(em, id, geometry);
      return { perimeterUploaded: true };
    });
    return this.get(id);
  }

  /** The town's open-data switch: publish locations, statuses, use categories and KPIs to everyone. */
  async setOpenData(id: string, openData: boolean, version: number): Promise<City> {
    await this.writeLocked(id, version, async (em) => {
      await this.cities.setOpenData(em, id, openData);
      return { openData };
    });
    this.towns.forgetOpenData();
    return this.get(id);
  }

  private async writeLocked(
    id: string,
    version: number,
    write: (em: EntityManager) => Promise<object>,
  ): Promise<void> {
    if (!isUuid(id)) throw notFound('Town', id);
    await this.db.transaction(async (em) => {
      const current = await this.cities.lockVersion(em, id);
      if (current === null) throw notFound('Town', id);
      if (current !== version) throw versionConflict('town', await this.cities.find(id, em));
      const change = await write(em);
      await this.audit.record(em, {
        cityId: id,
        entityType: 'city',
        entityId: id,
        action: 'update',
        before: { version },
        after: change,
      });
    });
  }
}
