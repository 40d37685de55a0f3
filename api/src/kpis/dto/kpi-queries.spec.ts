import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { KpisQuery } from './kpi-queries.js';

/** The town limit is checked here: 501 ids do not fit into a URL that Node accepts (16 KB headers). */
describe('KpisQuery', () => {
  const ids = (n: number): string =>
    Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');

  it('accepts 500 towns and refuses 501', async () => {
    expect(await validate(plainToInstance(KpisQuery, { cityId: ids(500) }))).toEqual([]);
    const errors = await validate(plainToInstance(KpisQuery, { cityId: ids(501) }));
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['arrayMaxSize']]);
  });
});
