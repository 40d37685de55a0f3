import { fmt, verdict } from './format.js';
import type { BenchContext } from './workloads.js';

/** 100,000 CSV rows end to end through the import endpoint (upload, mapping, dry run, commit). */
export async function importWorkload(
  ctx: BenchContext,
  town: { id: string; lon: number; lat: number },
  headers: Record<string, string>,
): Promise<void> {
  const { base, log } = ctx;
  const rows = ['reference_id,address,postcode,floor_area_m2,status,use_category,status_since,wkt'];
  for (let i = 0; i < 100_000; i++) {
    const lon = (town.lon + ((i % 317) - 158) * 0.00004).toFixed(6);
    const lat = (town.lat + (Math.floor(i / 317) - 158) * 0.00004).toFixed(6);
    const vacant = i % 7 === 0;
    rows.push(
      `BENCH-${i},Benchstraße ${i + 1},99999,${50 + (i % 200)},${vacant ? 'vacant' : 'occupied'},` +
        `${vacant ? '' : 'retail_daily'},2024-01-01,POINT(${lon} ${lat})`,
    );
  }
  const csv = Buffer.from(rows.join('\n'), 'utf8');
  const t0 = performance.now();
  const step = async (name: string, res: Response): Promise<unknown> => {
    if (!res.ok) throw new Error(`${name} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return res.json();
  };
  try {
    const url = `${base}/api/cities/${town.id}/imports`;
    const created = (await step(
      'upload',
      await fetch(`${url}?fileName=bench.csv`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        body: csv,
      }),
    )) as { id: string };
    const suggestions = (await step(
      'suggestions',
      await fetch(`${url}/${created.id}/suggestions`, { headers }),
    )) as {
      mapping: unknown;
    };
    await step(
      'mapping',
      await fetch(`${url}/${created.id}/mapping`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...(suggestions.mapping as object), skipInvalidRows: true }),
      }),
    );
    await step('dry run', await fetch(`${url}/${created.id}/dry-run`, { method: 'POST', headers }));
    const outcome = await step(
      'commit',
      await fetch(`${url}/${created.id}/commit`, { method: 'POST', headers }),
    );
    const seconds = (performance.now() - t0) / 1000;
    log(
      `import 100,000-row CSV (${(csv.length / 2 ** 20).toFixed(1)} MB) end to end: ${fmt(seconds)} s ` +
        `(target < 15 s: ${verdict(seconds < 15)}); outcome ${JSON.stringify(outcome).slice(0, 200)}`,
    );
  } catch (e) {
    log(`import: skipped — the import endpoint did not complete the flow: ${(e as Error).message}`);
  }
}
