import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { loadConfig } from '../config/app-config.js';
import type { KpisService } from '../kpis/kpis.service.js';
import type { ExportSnapshot, ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/**
 * The workbook's size checks, with the database's counts given: a history longer than an Excel sheet
 * cannot be made on a test database in reasonable time (e2e: exports-streaming.e2e-spec.ts).
 */
const admin: Viewer = {
  user: { id: 'u', email: 'a@example.org', displayName: 'A', isAdmin: true, mustChangePassword: false },
  grants: [],
  readableCityIds: null,
  editableCityIds: new Set(),
  openDataCityIds: new Set(),
};

function serviceWith(units: number, periods: number) {
  const reads: string[] = [];
  const read =
    <T>(name: string, value: T) =>
    (): Promise<T> => {
      reads.push(name);
      return Promise.resolve(value);
    };
  async function* none(name: string): AsyncGenerator<never[]> {
    reads.push(name);
    yield* await Promise.resolve([]);
  }
  const snapshot = {
    countStorefronts: read('countStorefronts', units),
    countPeriods: read('countPeriods', periods),
    storefrontBatches: () => none('storefrontBatches'),
    historyBatches: () => none('historyBatches'),
  } as unknown as ExportSnapshot;
  const repository = {
    inSnapshot: <T>(work: (s: ExportSnapshot) => Promise<T>) => work(snapshot),
  } as unknown as ExportsRepository;
  const service = new ExportsService(
    repository,
    {} as KpisService,
    loadConfig({ EXPORT_XLSX_MAX_ROWS: '10' }),
  );
  return { service, reads };
}

const refusal = async (work: Promise<unknown>): Promise<DomainError> => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exports-service-spec-'));
  path = join(dir, 'storefronts.xlsx');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('ExportsService.workbook', () => {
  it('writes both sheets up to the limits: EXPORT_XLSX_MAX_ROWS units, 1,048,575 periods', async () => {
    const { service, reads } = serviceWith(10, 1_048_575);
    await service.workbook(admin, {}, path);
    expect(reads).toEqual(['countStorefronts', 'countPeriods', 'storefrontBatches', 'historyBatches']);
    expect((await stat(path)).size).toBeGreaterThan(0);
  });

  it('refuses more units than EXPORT_XLSX_MAX_ROWS before counting or reading anything else', async () => {
    const { service, reads } = serviceWith(11, 0);
    const error = await refusal(service.workbook(admin, {}, path));
    expect(error.code).toBe('EXPORT_TOO_LARGE');
    expect(error.details).toEqual({ rows: 11, limit: 10, sheet: 'Storefronts' });
    expect(reads).toEqual(['countStorefronts']);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a history longer than an Excel sheet, whatever EXPORT_XLSX_MAX_ROWS says', async () => {
    const { service, reads } = serviceWith(10, 1_048_576);
    const error = await refusal(service.workbook(admin, {}, path));
    expect(error.code).toBe('EXPORT_TOO_LARGE');
    expect(error.message).toBe(
      'The occupancy history of the selection holds 1,048,576 entries; an Excel sheet holds at most 1,048,575 rows. Narrow the filters or download the history as CSV (occupancy.csv).',
    );
    expect(error.details).toEqual({ rows: 1_048_576, limit: 1_048_575, sheet: 'Occupancy history' });
    expect(reads).toEqual(['countStorefronts', 'countPeriods']);
  });
});
