/**
 * Seeds the database: reference data always, synthetic demo data with --demo.
 *
 *   npx tsx db/seeds/run.ts [--demo]          (sources)
 *   node dist/db/seeds/run.js [--demo]        (compiled, from the repository root)
 *
 * Reads DATABASE_URL (default: the local dev database). Idempotent: safe to run again.
 */
import { createDataSource, DEFAULT_DATABASE_URL } from '../data-source.js';
import { seedDemo } from './demo.js';
import { DEMO_TOWN_SLUGS } from './demo-towns.js';
import { DEMO_PASSWORD, publishDemoTowns, seedDemoUsers } from './demo-users.js';
import { seedReference } from './reference.js';

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const unknown = args.filter((a) => a !== '--demo');
if (unknown.length > 0) {
  console.error(`[seed] unknown argument ${unknown.join(' ')}; usage: run.ts [--demo]`);
  process.exit(2);
}

const started = performance.now();
const ds = createDataSource(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { poolSize: 2 });
try {
  await ds.initialize();
  const ref = await seedReference(ds);
  let line =
    `[seed] reference: 14 cities (${ref.cities.inserted} new, ${ref.cities.updated} updated), ` +
    `3 networks (${ref.networks.inserted} new, ${ref.networks.updated} updated), ` +
    `${ref.membershipsAdded} memberships added`;
  if (demo) {
    const d = await seedDemo(ds);
    line +=
      `; demo (synthetic): ${d.towns} towns, ${d.storefronts} storefronts, ${d.periods} occupancy periods, ` +
      `${d.interventions} interventions, ${d.outcomeChecks} outcome checks`;
    await publishDemoTowns(ds, DEMO_TOWN_SLUGS);
  }
  console.log(`${line} in ${Math.round(performance.now() - started)} ms`);
  if (demo) {
    const accounts = await seedDemoUsers(ds);
    console.log(`[seed] demo accounts (demo mode only — password for all: ${DEMO_PASSWORD}):`);
    for (const a of accounts) console.log(`         ${a.role.padEnd(15)} ${a.email}  (${a.scope})`);
  }
} catch (err) {
  console.error(`[seed] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
}
