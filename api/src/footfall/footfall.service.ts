import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { todayIso } from '../common/validators.js';
import { addMonths } from '../kpis/kpi-dates.js';
import { KpisService } from '../kpis/kpis.service.js';
import { gapsOf, parseCounterFile } from './footfall-parse.js';
import { FootfallRepository } from './footfall.repository.js';
import type { FootfallImportReport, FootfallTrend } from './footfall.types.js';

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
      const id = await this.footfall.location(em, cityId, location, lonLat);
      await this.footfall.storeCounts(em, id, cityId, file.counts);
      return id;
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
