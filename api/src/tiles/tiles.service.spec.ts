import type { StorefrontFilter } from '../storefronts/storefront-filter.js';
import type { TileCacheInvalidator } from './data-version.service.js';
import type { TileQueryDto } from './dto/tile-query.dto.js';
import type { TileCoords } from './dto/tile-coords.js';
import { cellSizeAt, cellTileSql, pointTileSql, type TilesRepository } from './tiles.repository.js';
import { TilesService } from './tiles.service.js';

// ESM Jest: the jest object comes with the module.
const { jest: fakeClock } = import.meta as unknown as { jest: typeof jest };

const A = '6f1c1d7e-3a53-4b1e-9d8e-2b8a4f1c2d3e';
const B = '0a6b3c2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d';

/** TilesService over a repository that records what it was asked for (the SQL is tested on a real database). */
function serviceRecordingFilters(): { service: TilesService; filters: StorefrontFilter[] } {
  const filters: StorefrontFilter[] = [];
  const repository = {
    pointTile: (tile: TileCoords, filter: StorefrontFilter) => {
      filters.push(filter);
      return Promise.resolve(Buffer.from(`${tile.z}/${tile.x}/${tile.y}`));
    },
  } as unknown as TilesRepository;
  const invalidator = { version: () => Promise.resolve('7#0') } as unknown as TileCacheInvalidator;
  return { service: new TilesService(repository, invalidator), filters };
}

describe('TilesService filter plans', () => {
  afterEach(() => fakeClock.useRealTimers());

  it('gives the tiles of one query and town set one filter, and each town set its own', async () => {
    const { service, filters } = serviceRecordingFilters();
    const query = Object.freeze({ asOf: '2026-03-31', status: ['vacant'] }) as TileQueryDto;
    const first = await service.storefrontTile('14', '8760', '5520', query, [A, B]);
    const second = await service.storefrontTile('14', '8761', '5520', query, [A, B]);
    await service.storefrontTile('14', '8761', '5520', query, [A]);
    expect(filters[0]).toBe(filters[1]);
    expect(filters[0]).toEqual({ asOf: '2026-03-31', statuses: ['vacant'], cityIds: [B, A] });
    expect(filters[2]).toEqual({ asOf: '2026-03-31', statuses: ['vacant'], cityIds: [A] });
    expect(Object.isFrozen(filters[0])).toBe(true);
    expect(first.etag).not.toBe(second.etag);
    expect(second.body.toString()).toBe('14/8761/5520');
  });

  it('builds a tile without a date for the new day once it is past midnight in Germany', async () => {
    const { service, filters } = serviceRecordingFilters();
    const undated = Object.freeze({}) as TileQueryDto;
    const dated = Object.freeze({ asOf: '2026-06-30' }) as TileQueryDto;
    fakeClock.useFakeTimers({
      now: new Date('2026-12-06T22:59:30Z'),
      doNotFake: ['nextTick', 'queueMicrotask'],
    });
    const before = await service.storefrontTile('14', '1', '1', undated, undefined);
    await service.storefrontTile('14', '2', '1', dated, undefined);
    fakeClock.setSystemTime(new Date('2026-12-06T23:00:30Z')); // 00:00:30 in Berlin (CET)
    const after = await service.storefrontTile('14', '1', '1', undated, undefined);
    await service.storefrontTile('14', '2', '2', dated, undefined);
    expect(filters.map((f) => f.asOf)).toEqual(['2026-12-06', '2026-06-30', '2026-12-07', '2026-06-30']);
    expect(filters[3]).toBe(filters[1]);
    expect(after.etag).not.toBe(before.etag);
  });
});

describe('pointTileSql and cellTileSql', () => {
  it('shares one SQL string among the tiles of a filter and passes z, x and y last', () => {
    const filter: StorefrontFilter = { asOf: '2026-03-31', cityIds: [A] };
    const one = pointTileSql({ z: 14, x: 8760, y: 5520 }, filter);
    const other = pointTileSql({ z: 15, x: 17521, y: 11040 }, filter);
    expect(other.sql).toBe(one.sql);
    expect(one.params.slice(-3)).toEqual([14, 8760, 5520]);
    expect(other.params.slice(-3)).toEqual([15, 17521, 11040]);
    expect(one.params.length).toBe(5);
    expect(one.sql).toContain('ST_TileEnvelope($3::int, $4::int, $5::int)');
  });

  it('share one cell SQL string among the tiles of a filter and pass z, x, y and the cell width last', () => {
    const filter: StorefrontFilter = { asOf: '2026-03-31' };
    const one = cellTileSql({ z: 12, x: 2190, y: 1380 }, filter);
    const other = cellTileSql({ z: 11, x: 1095, y: 690 }, filter);
    expect(other.sql).toBe(one.sql);
    expect(one.params).toEqual(['2026-03-31', 12, 2190, 1380, cellSizeAt(12)]);
    expect(other.params).toEqual(['2026-03-31', 11, 1095, 690, cellSizeAt(11)]);
    expect(one.sql).toContain('$5::float8');
  });
});
