import { fmt, verdict } from './format.js';
import type { BenchContext, BenchTown } from './workloads.js';

/** KPIs: 100 towns × 40 quarters as one series request, and one town's KPIs on a date (issue 8 targets). */
export async function kpiWorkloads(
  ctx: BenchContext,
  towns: BenchTown[],
  asAdmin: Record<string, string>,
): Promise<void> {
  const { base, log } = ctx;
  const hundred = towns.slice(0, 100).map((t) => t.id);
  const seriesUrl = `${base}/api/kpis/series?cityId=${hundred.join(',')}&from=2015-01-01&to=2024-12-31&interval=quarter`;
  const runs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await fetch(seriesUrl, { headers: asAdmin });
    const body = (await res.json()) as { towns?: { buckets: unknown[] }[] };
    if (!res.ok || body.towns?.length !== 100 || body.towns[0]?.buckets.length !== 40)
      throw new Error(`KPI series failed: ${res.status}`);
    if (i > 0) runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const seriesUnits = towns.slice(0, 100).reduce((a, t) => a + t.units, 0);
  log(
    `KPIs 100 towns × 40 quarters (${seriesUnits.toLocaleString('en')} storefronts in them), HTTP end to end: ` +
      `median ${fmt(runs[2]!)} ms, best ${fmt(runs[0]!)} ms of 5 | /500 ms ${fmt(runs[2]! / 500, 2)} ` +
      `(target < 500 ms: ${verdict(runs[2]! < 500)})`,
  );
  const single: number[] = [];
  for (const t of towns.slice(100, 150)) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/kpis?cityId=${t.id}&asOf=2023-06-30`, { headers: asAdmin });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`KPI snapshot failed: ${res.status}`);
    single.push(performance.now() - t0);
  }
  single.sort((a, b) => a - b);
  log(
    `KPIs one town on a date (50 towns, sequential): median ${fmt(single[25]!)} ms, p95 ${fmt(single[47]!)} ms | ` +
      `/20 ms ${fmt(single[25]! / 20, 2)} (target < 20 ms: ${verdict(single[25]! < 20)})`,
  );
}
