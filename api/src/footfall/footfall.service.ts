import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { allowLongRunning } from '../database/session-limits.js';
import { todayIso } from '../common/validators.js';
import { addMonths } from '../kpis/kpi-dates.js';
import { KpisService } from '../kpis/kpis.service.js';
import { gapsOf, parseCounterFile } from './footfall-parse.js';
import { FootfallRepository } from './footfall.repository.js';
import type {
  CountsRemoved,
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
} from './footfall.types.js';

/** A correction of a counting location: `lonLat` undefined keeps the position, null removes it. */
export interface LocationCorrection {
  name?: string;
  lonLat?: [number, number] | null;
}

/**
 * Metres within which a position sent with an upload is the stored position of the counting location:
 * a position read off a map or a phone's GPS differs by a few metres from one upload to the next.
 */
export const SAME_COUNTER_M = 10;

const METHOD =
  'Complete days only (a count for every hour of the local day). Each ISO week is compared with the same ISO week of the previous year, weekday by weekday and location by location; the change is the sum of this year’s comparable days over last year’s minus one.';

@Injectable()
export class FootfallService {
  constructor(
    private readonly db: DataSource,
    private readonly footfall: FootfallRepository,
    private readonly kpiEngine: KpisService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  locations(cityId: string): Promise<FootfallLocation[]> {
    return this.footfall.locations(cityId);
  }

  /**
   * Corrects a counting location's name (a typo) or position (mistyped, or never given). This is a
   * correction, not a move: the counts stay with the location (a counter set up elsewhere is a new
   * location, see counterElsewhere).
   */
  async correctLocation(cityId: string, id: string, change: LocationCorrection): Promise<FootfallLocation> {
    return this.db.transaction(async (em) => {
      const before = await this.lockedLocation(em, cityId, id);
      const name = change.name === before.name ? undefined : change.name;
      const lonLat = sameLonLat(change.lonLat, before.lonLat) ? undefined : change.lonLat;
      if (name === undefined && lonLat === undefined) return before; // nothing changes: no audit row
      if (name !== undefined && (await this.footfall.nameTaken(em, cityId, name, id))) throw nameTaken(name);
      if (lonLat && !(await this.footfall.insideBoundary(em, cityId, lonLat))) throw outsideTown(lonLat);
      await this.footfall.correctLocation(em, id, name, lonLat);
      const after = await this.footfall.summary(em, id);
      await this.audit.record(em, {
        cityId,
        entityType: 'counting_location',
        entityId: id,
        action: 'update',
        before: { name: before.name, lonLat: before.lonLat },
        after: { name: after.name, lonLat: after.lonLat },
      });
      return after;
    });
  }

  /** Deletes a counting location with all its counts (the audit trail keeps what was there). */
  async deleteLocation(cityId: string, id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const before = await this.lockedLocation(em, cityId, id);
      await this.footfall.deleteLocation(em, id);
      await this.audit.record(em, {
        cityId,
        entityType: 'counting_location',
        entityId: id,
        action: 'delete',
        before,
        after: null,
      });
    });
  }

  /** Removes a counting location's counts of some days, e.g. a file uploaded under the wrong location. */
  async deleteCounts(cityId: string, id: string, from: string, to: string): Promise<CountsRemoved> {
    if (from > to) throw new DomainError('VALIDATION_FAILED', 'from must not lie after to.', { from, to });
    return this.db.transaction(async (em) => {
      const before = await this.lockedLocation(em, cityId, id);
      const removedHours = await this.footfall.deleteCounts(em, id, from, to);
      const location = await this.footfall.summary(em, id);
      if (removedHours > 0) {
        await this.audit.record(em, {
          cityId,
          entityType: 'counting_location',
          entityId: id,
          action: 'update',
          before: { ...before, removedDays: { from, to } },
          after: location,
        });
      }
      return { removedHours, location };
    });
  }

  private async lockedLocation(em: EntityManager, cityId: string, id: string): Promise<FootfallLocation> {
    const location = isUuid(id) ? await this.footfall.lockedLocation(em, cityId, id) : null;
    if (!location) throw notFound('Counting location', id);
    return location;
  }

  async importCounts(
    cityId: string,
    location: string,
    lonLat: [number, number] | null,
    bytes: Buffer,
  ): Promise<FootfallImportReport> {
    const file = parseCounterFile(bytes);
    const locationId = await this.db.transaction(async (em) => {
      // A counter file of up to 10 MB is hundreds of thousands of hourly counts, stored in one go.
      await allowLongRunning(em, this.config.databaseLimits.longRunningTimeoutMs);
      if (lonLat && !(await this.footfall.insideBoundary(em, cityId, lonLat))) throw outsideTown(lonLat);
      const stored = await this.footfall.location(em, cityId, location, lonLat);
      if (stored.lonLat && stored.distanceM !== null && stored.distanceM > SAME_COUNTER_M)
        throw counterElsewhere(location.trim(), stored.lonLat, stored.distanceM);
      await this.footfall.storeCounts(em, stored.id, cityId, file.counts);
      return stored.id;
    });
    const hours = file.counts.map((c) => c.hour);
    const sorted = hours.map((h) => h.getTime()).sort((a, b) => a - b);
    return {
      locationId,
      location: location.trim(),
      stored: file.counts.length,
      outageHours: file.counts.filter((c) => c.count === null).length,
      firstHour: new Date(sorted[0]!).toISOString(),
      lastHour: new Date(sorted[sorted.length - 1]!).toISOString(),
      gaps: gapsOf(hours),
      repaired: file.repaired,
      rejected: file.rejected,
      encodings: file.encodings,
    };
  }

  async trend(cityId: string, fromDate?: string, toDate?: string): Promise<FootfallTrend> {
    const to = toDate ?? todayIso();
    const from = fromDate ?? addMonths(to, -12); // 29 February gives 28 February
    if (from > to) throw new DomainError('VALIDATION_FAILED', 'from must not lie after to.', { from, to });
    if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) {
      throw new DomainError('VALIDATION_FAILED', 'At most five years at once.', { from, to });
    }
    const [locations, weeks, series] = await Promise.all([
      this.footfall.locations(cityId),
      this.footfall.weeks(cityId, from, to),
      this.kpiEngine.series([cityId], from, to, 'month').catch(() => null),
    ]);
    const vacancy =
      series?.towns[0]?.buckets.map((b) => ({ month: b.start, vacancyRate: b.vacancyRate })) ?? [];
    return { cityId, from, to, method: METHOD, locations, weeks, vacancy };
  }
}

const sameLonLat = (given: [number, number] | null | undefined, stored: [number, number] | null): boolean =>
  given === undefined ||
  (given === null ? stored === null : stored !== null && given[0] === stored[0] && given[1] === stored[1]);

const nameTaken = (name: string): DomainError =>
  new DomainError('DUPLICATE', `The town already has a counting location named ${name}.`, {
    reason: 'location_name_taken',
    location: name,
  });

const position = ([lon, lat]: [number, number]): string => `${lat.toFixed(5)} N, ${lon.toFixed(5)} E`;

const outsideTown = (lonLat: [number, number]): DomainError =>
  new DomainError(
    'OUTSIDE_TOWN',
    `The counter’s position (${position(lonLat)}) lies outside the town’s municipal boundary: another town, or lon and lat swapped?`,
    { coordinates: lonLat },
  );

/**
 * A counting location keeps its position: a counter set up elsewhere counts other passers-by, and the
 * year-on-year trend compares a location with itself. So another position under a stored name is
 * refused rather than moving the location (or dropping the position, as before): the city manager
 * uploads without lon/lat to add counts, or under a new name for a counter that has moved.
 */
const counterElsewhere = (name: string, stored: [number, number], distanceM: number): DomainError =>
  new DomainError(
    'DUPLICATE',
    `The counting location ${name} is stored at ${position(stored)}, ${Math.round(distanceM)} m from the position given. Send no lon and lat to add counts to it; for a counter that has moved, use a new name: at another place it counts other passers-by.`,
    {
      reason: 'counter_elsewhere',
      location: name,
      storedCoordinates: stored,
      distanceM: Math.round(distanceM),
    },
  );
