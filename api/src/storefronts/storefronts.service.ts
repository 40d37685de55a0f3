import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, notFound, versionConflict } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { todayIso } from '../common/validators.js';
import { diffHistory, initialHistory } from '../occupancy/occupancy-history.js';
import { OccupancyRepository } from '../occupancy/occupancy.repository.js';
import type { CreateStorefrontDto } from './dto/create-storefront.dto.js';
import type { UpdateStorefrontDto } from './dto/update-storefront.dto.js';
import type { GeoJsonPoint, Storefront, StorefrontVisits } from './storefront.types.js';
import { StorefrontsRepository } from './storefronts.repository.js';

export interface StorefrontWithWarnings extends Storefront {
  warnings: string[];
}

@Injectable()
export class StorefrontsService {
  constructor(
    private readonly db: DataSource,
    private readonly storefronts: StorefrontsRepository,
    private readonly occupancy: OccupancyRepository,
    private readonly audit: AuditService,
  ) {}

  async get(id: string, asOf = todayIso()): Promise<Storefront> {
    if (!isUuid(id)) throw notFound('Storefront', id);
    return (await this.storefronts.find(id, asOf)) ?? Promise.reject(notFound('Storefront', id));
  }

  /** The unit's on-site visits, newest first (404 for an unknown unit). */
  async visits(id: string): Promise<StorefrontVisits> {
    await this.get(id);
    return { storefrontId: id, visits: await this.storefronts.visits(id) };
  }

  /** A new unit and its first period, in one transaction. */
  async create(input: CreateStorefrontDto): Promise<StorefrontWithWarnings> {
    const { initialStatus, cityId, location, ...fields } = input;
    const history = initialHistory(initialStatus);
    const { id, warnings } = await this.db.transaction(async (em) => {
      const warnings = await this.checkPlacement(em, cityId, location);
      const id = await this.storefronts.insert(em, {
        cityId,
        location,
        street: fields.street.trim(),
        houseNumber: fields.houseNumber?.trim() ?? '',
        postcode: fields.postcode ?? null,
        floorAreaM2: fields.floorAreaM2 ?? null,
        frontageM: fields.frontageM ?? null,
        floor: fields.floor ?? 'ground',
        referenceId: fields.referenceId ?? null,
        notes: fields.notes ?? null,
      });
      await this.occupancy.apply(em, id, cityId, diffHistory([], history));
      const after = await this.storefronts.find(id, todayIso(), em);
      await this.audit.record(em, {
        cityId,
        entityType: 'storefront',
        entityId: id,
        action: 'create',
        before: null,
        after,
      });
      return { id, warnings };
    });
    return { ...(await this.get(id)), warnings };
  }

  async update(id: string, input: UpdateStorefrontDto): Promise<StorefrontWithWarnings> {
    const { version, ...fields } = input;
    const warnings = await this.writeAudited(id, version, 'update', async (em, cityId) => {
      const warnings = fields.location ? await this.checkPlacement(em, cityId, fields.location) : [];
      await this.storefronts.update(em, id, { ...fields, street: fields.street?.trim() });
      return warnings;
    });
    return { ...(await this.get(id)), warnings };
  }

  async verify(id: string, version: number): Promise<Storefront> {
    await this.writeAudited(id, version, 'update', (em) => this.storefronts.markVerified(em, id));
    return this.get(id);
  }

  /**
   * Deletes a unit (a record made in error: a unit that closed keeps its history). A unit of an
   * intervention stays until it is taken out of the intervention — else the intervention would lose it
   * without a trace in its own history, and its before/after figures with it.
   */
  async delete(id: string, version: number): Promise<void> {
    await this.writeAudited(id, version, 'delete', async (em) => {
      const interventions = await this.storefronts.interventionsOf(em, id);
      if (interventions.length) {
        const titles = interventions.map((i) => `„${i.title}“`).join(', ');
        throw new DomainError(
          'CONSTRAINT_VIOLATED',
          `The unit belongs to the intervention ${titles}: take it out of the intervention first, then delete it.`,
          { reason: 'in_intervention', interventions },
        );
      }
      await this.storefronts.delete(em, id);
    });
  }

  /**
   * Runs `write` in a transaction holding the storefront's row lock, after checking that the caller
   * edited the current version (optimistic locking: 409 with the current state otherwise).
   */
  async writeLocked<T>(
    id: string,
    version: number,
    write: (em: EntityManager, cityId: string) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(id)) throw notFound('Storefront', id);
    return this.db.transaction(async (em) => {
      const locked = await this.storefronts.lock(em, id);
      if (!locked) throw notFound('Storefront', id);
      if (locked.version !== version) {
        throw versionConflict('storefront', await this.storefronts.find(id, todayIso(), em));
      }
      return write(em, locked.cityId);
    });
  }

  /** writeLocked, and the change (before and after) goes to the audit trail in the same transaction. */
  private writeAudited<T>(
    id: string,
    version: number,
    action: 'update' | 'delete',
    write: (em: EntityManager, cityId: string) => Promise<T>,
  ): Promise<T> {
    return this.writeLocked(id, version, async (em, cityId) => {
      const before = await this.storefronts.find(id, todayIso(), em);
      const result = await write(em, cityId);
      const after = action === 'delete' ? null : await this.storefronts.find(id, todayIso(), em);
      if (after?.version === before?.version) return result; // nothing changed: nothing to record
      await this.audit.record(em, { cityId, entityType: 'storefront', entityId: id, action, before, after });
      return result;
    });
  }

  private async checkPlacement(em: EntityManager, cityId: string, location: GeoJsonPoint): Promise<string[]> {
    const placement = await this.storefronts.placement(em, cityId, location);
    if (!placement.cityExists)
      throw new DomainError('NOT_FOUND', `Town ${cityId} was not found.`, { cityId });
    if (!placement.insideBoundary) {
      throw new DomainError('OUTSIDE_TOWN', 'The location lies outside the town’s municipal boundary.', {
        coordinates: location.coordinates,
      });
    }
    return placement.insidePerimeter
      ? []
      : ['The location lies outside the downtown perimeter; it is not counted in the downtown KPIs.'];
  }
}
