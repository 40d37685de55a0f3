import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { todayIso } from '../common/validators.js';
import { addMonths } from '../kpis/kpi-dates.js';
import { KpisService } from '../kpis/kpis.service.js';
import { gapsOf, parseCounterFile } from './footfall-parse.js';
import { FootfallRepository } from './footfall.repository.js';
import type { FootfallImportReport, FootfallTrend } from './footfall.types.js';

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
  ) {}

  async importCounts(
    cityId: string,
    location: string,
    lonLat: [number, number] | null,
    bytes: Buffer,
  ): Promise<FootfallImportReport> {
    const file = parseCounterFile(bytes);
    const locationId = await this.db.transaction(async (em) => {
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
