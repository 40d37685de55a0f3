import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SORT_KEYS } from './filter-state';

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}

/** The committed API contract (api/openapi.json, kept equal to the code by an API test). */
const contract = JSON.parse(
  readFileSync(new URL('../../../../api/openapi.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, { get?: { parameters?: Parameter[] } }>;
};

describe('list sort keys', () => {
  it('are all accepted by GET /api/storefronts (ascending and descending)', () => {
    const sort = contract.paths['/api/storefronts']?.get?.parameters?.find((p) => p.name === 'sort');
    const accepted = sort?.schema?.enum ?? [];
    expect(accepted.length).toBeGreaterThan(0);
    for (const key of SORT_KEYS) {
      expect(accepted).toContain(key);
      expect(accepted).toContain(`-${key}`);
    }
  });
});
