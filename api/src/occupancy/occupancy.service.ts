import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import type { Storefront } from '../storefronts/storefront.types.js';
import { StorefrontsRepository } from '../storefronts/storefronts.repository.js';
import { StorefrontsService } from '../storefronts/storefronts.service.js';
import { redactPeriods } from '../storefronts/storefront-redaction.js';
import type { Viewer } from '../auth/viewer.js';
import type { PeriodCorrectionDto, StatusChangeDto } from './dto/period-correction.dto.js';
import {
  diffHistory,
  planCorrection,
  planRemoval,
  planStatusChangeAfterCurrent,
  type Period,
} from './occupancy-history.js';
import { OccupancyRepository, type StoredPeriod } from './occupancy.repository.js';

export interface HistoryResult {
  storefront: Storefront;
  periods: StoredPeriod[];
}

@Injectable()
export class OccupancyService {
  constructor(
    private readonly occupancy: OccupancyRepository,
    private readonly storefronts: StorefrontsService,
    private readonly storefrontRows: StorefrontsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The unit's periods; their notes only for the town's editors (like the unit's notes). */
  async history(storefrontId: string, viewer: Viewer): Promise<StoredPeriod[]> {
    const { cityId } = await this.storefronts.get(storefrontId);
    return redactPeriods(viewer, cityId, await this.occupancy.history(storefrontId));
  }

  /** "From date D on the unit is …": closes the current period and opens the next in one transaction. */
  changeStatus(storefrontId: string, input: StatusChangeDto): Promise<HistoryResult> {
    const { version, ...change } = input;
    return this.rewrite(storefrontId, version, (periods) => planStatusChangeAfterCurrent(periods, change));
  }

  correct(storefrontId: string, periodId: string, input: PeriodCorrectionDto): Promise<HistoryResult> {
    const { version, ...patch } = input;
    if (!isUuid(periodId)) throw notFound('Period', periodId);
    return this.rewrite(storefrontId, version, (periods) => planCorrection(periods, periodId, patch));
  }

  remove(storefrontId: string, periodId: string, version: number): Promise<HistoryResult> {
    if (!isUuid(periodId)) throw notFound('Period', periodId);
    return this.rewrite(storefrontId, version, (periods) => planRemoval(periods, periodId));
  }

  private async rewrite(
    storefrontId: string,
    version: number,
    plan: (periods: Period[]) => Period[],
  ): Promise<HistoryResult> {
    await this.storefronts.writeLocked(storefrontId, version, async (em: EntityManager, cityId) => {
      const before = (await this.occupancy.history(storefrontId, em)).map(toPeriod);
      const after = plan(before);
      const diff = diffHistory(before, after);
      // a save that changes nothing is no change: no new version (colleagues' edits stay valid), no audit row
      if (!diff.inserted.length && !diff.updated.length && !diff.deletedIds.length) return;
      await this.occupancy.apply(em, storefrontId, cityId, diff);
      await this.storefrontRows.bumpVersion(em, storefrontId);
      await this.audit.record(em, {
        cityId,
        entityType: 'occupancy',
        entityId: storefrontId,
        action: 'update',
        before: { periods: before },
        after: { periods: after },
      });
    });
    return {
      storefront: await this.storefronts.get(storefrontId),
      periods: await this.occupancy.history(storefrontId),
    };
  }
}

const toPeriod = ({
  id,
  status,
  useCategory,
  businessName,
  validFrom,
  validTo,
  note,
}: StoredPeriod): Period => ({
  id,
  status,
  useCategory,
  businessName,
  validFrom,
  validTo,
  note,
});
