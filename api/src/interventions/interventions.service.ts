import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, notFound, versionConflict } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { todayIso } from '../common/validators.js';
import type {
  CreateInterventionDto,
  OutcomeCheckDto,
  UpdateInterventionDto,
} from './dto/intervention.dto.js';
import {
  normalizeObstacles,
  OUTCOME_CHECK_MONTHS,
  outcomeCheckDueFrom,
  type Intervention,
  type OutcomeCheckMonths,
} from './intervention.types.js';
import { InterventionsRepository } from './interventions.repository.js';

/** `details.reason` lets the dashboard explain the refusal in German (as for occupancy periods). */
type InvalidDatesReason =
  'needs_start_date' | 'needs_end_date' | 'end_before_start' | 'not_ended' | 'check_before_due';
const invalid = (reason: InvalidDatesReason, message: string, details: object = {}): DomainError =>
  new DomainError('INVALID_PERIOD', message, { reason, ...details });

/** Dates and state must tell one story: running needs a start, ended needs an end, the end follows the start. */
export function checkInterventionDates(i: Pick<Intervention, 'state' | 'startDate' | 'endDate'>): void {
  if (i.state !== 'planned' && !i.startDate)
    throw invalid('needs_start_date', 'A running or ended intervention needs a start date.');
  if (i.state === 'ended' && !i.endDate)
    throw invalid('needs_end_date', 'An ended intervention needs an end date.');
  if (i.startDate && i.endDate && i.endDate < i.startDate)
    throw invalid('end_before_start', 'The end date lies before the start date.');
}

@Injectable()
export class InterventionsService {
  constructor(
    private readonly db: DataSource,
    private readonly interventions: InterventionsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<Intervention> {
    if (!isUuid(id)) throw notFound('Intervention', id);
    return (await this.interventions.find(id)) ?? Promise.reject(notFound('Intervention', id));
  }

  async create(input: CreateInterventionDto): Promise<Intervention> {
    const { storefrontIds, ...row } = input;
    checkInterventionDates({
      state: row.state ?? 'planned',
      startDate: row.startDate ?? null,
      endDate: row.endDate ?? null,
    });
    const id = await this.db.transaction(async (em) => {
      if (!(await this.interventions.cityExists(em, row.cityId))) throw notFound('Town', row.cityId);
      const id = await this.interventions.insert(em, {
        ...row,
        obstacles: normalizeObstacles(row.obstacles ?? []),
      });
      if (storefrontIds?.length) await this.linkStorefronts(em, id, row.cityId, storefrontIds);
      const after = await this.interventions.find(id, em);
      await this.audit.record(em, {
        cityId: row.cityId,
        entityType: 'intervention',
        entityId: id,
        action: 'create',
        before: null,
        after,
      });
      return id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateInterventionDto): Promise<Intervention> {
    const { version, storefrontIds, ...fields } = input;
    await this.writeLocked(id, version, 'update', async (em, current) => {
      checkInterventionDates({ ...current, ...definedOnly(fields) });
      await this.interventions.update(em, id, {
        ...fields,
        obstacles: fields.obstacles && normalizeObstacles(fields.obstacles),
      });
      if (storefrontIds && !sameIds(storefrontIds, current.storefrontIds)) {
        await this.linkStorefronts(em, id, current.cityId, storefrontIds);
        await this.interventions.bumpVersion(em, id, current.version);
      }
    });
    return this.get(id);
  }

  async delete(id: string, version: number): Promise<void> {
    await this.writeLocked(id, version, 'delete', (em) => this.interventions.delete(em, id));
  }

  async setOutcomeCheck(id: string, months: number, check: OutcomeCheckDto): Promise<Intervention> {
    if (!OUTCOME_CHECK_MONTHS.includes(months as OutcomeCheckMonths)) {
      throw new DomainError('VALIDATION_FAILED', 'Outcome checks are made 6, 12 or 24 months after the end.');
    }
    if (!isUuid(id)) throw notFound('Intervention', id);
    await this.db.transaction(async (em) => {
      const current = await this.interventions.lock(em, id);
      if (!current) throw notFound('Intervention', id);
      if (current.version !== check.version) throw versionConflict('intervention', current);
      if (current.state !== 'ended')
        throw invalid('not_ended', 'Outcome checks can only be recorded once the intervention has ended.');
      const dueFrom = outcomeCheckDueFrom(current.endDate!, months);
      // A check without a date is recorded today: it cannot be made before it is due either.
      if ((check.checkedOn ?? todayIso()) < dueFrom) {
        throw invalid(
          'check_before_due',
          `A check ${months} months after the end (${current.endDate}) can be dated from ${dueFrom} on.`,
          { validFrom: dueFrom },
        );
      }
      await this.interventions.upsertOutcomeCheck(
        em,
        id,
        current.cityId,
        months as OutcomeCheckMonths,
        check,
      );
      const after = await this.interventions.find(id, em);
      await this.audit.record(em, {
        cityId: current.cityId,
        entityType: 'intervention',
        entityId: id,
        action: 'update',
        before: current,
        after,
      });
    });
    return this.get(id);
  }

  private async writeLocked(
    id: string,
    version: number,
    action: 'update' | 'delete',
    write: (em: EntityManager, current: Intervention) => Promise<void>,
  ): Promise<void> {
    if (!isUuid(id)) throw notFound('Intervention', id);
    await this.db.transaction(async (em) => {
      const current = await this.interventions.lock(em, id);
      if (!current) throw notFound('Intervention', id);
      if (current.version !== version) throw versionConflict('intervention', current);
      await write(em, current);
      const after = action === 'delete' ? null : await this.interventions.find(id, em);
      if (after?.version === current.version) return; // nothing changed: nothing to record
      await this.audit.record(em, {
        cityId: current.cityId,
        entityType: 'intervention',
        entityId: id,
        action,
        before: current,
        after,
      });
    });
  }

  private async linkStorefronts(
    em: EntityManager,
    id: string,
    cityId: string,
    storefrontIds: string[],
  ): Promise<void> {
    // ids are case-insensitive: the same unit in capitals is the same unit, linked once
    const unique = [...new Set(storefrontIds.map((s) => s.toLowerCase()))];
    const foreign = await this.interventions.foreignStorefronts(em, cityId, unique);
    if (foreign.length) {
      throw new DomainError(
        'CONSTRAINT_VIOLATED',
        'Some storefronts do not exist or belong to another town.',
        {
          storefrontIds: foreign,
        },
      );
    }
    await this.interventions.replaceStorefronts(em, id, cityId, unique);
  }
}

/** The same units (ids compare case-insensitively, as `linkStorefronts` links them). */
function sameIds(given: readonly string[], linked: readonly string[]): boolean {
  const a = new Set(given.map((s) => s.toLowerCase()));
  return a.size === linked.length && linked.every((s) => a.has(s.toLowerCase()));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
