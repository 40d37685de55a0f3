import { describe, expect, it } from 'vitest';
import { sinceShown } from './current-since';

describe('sinceShown', () => {
  it('gives a named business the start of its own period, not the status run’s', () => {
    // Weinstube Herrmann since 01.05.2022; occupied (by another business before) since 01.03.2021
    expect(
      sinceShown({ businessName: 'Weinstube Herrmann', validFrom: '2022-05-01', statusSince: '2021-03-01' }),
    ).toEqual({ of: 'business', date: '2022-05-01' });
  });

  it('gives a status shown alone the start of its run', () => {
    expect(sinceShown({ businessName: null, validFrom: '2024-06-01', statusSince: '2023-01-01' })).toEqual({
      of: 'status',
      date: '2023-01-01',
    });
  });
});
