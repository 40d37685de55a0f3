import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InitialSchema1763700000000 } from './migrations/1763700000000-InitialSchema.js';
import { AddAccountsPrivacyAudit1763800000000 } from './migrations/1763800000000-AddAccountsPrivacyAudit.js';
import { AddKpiIndexes1763900000000 } from './migrations/1763900000000-AddKpiIndexes.js';
import { AddImportsAndFootfall1764030000000 } from './migrations/1764030000000-AddImportsAndFootfall.js';
import { AddKpiPreAggregates1764100000000 } from './migrations/1764100000000-AddKpiPreAggregates.js';
import { AddTileGrid1764200000000 } from './migrations/1764200000000-AddTileGrid.js';
import { FasterKpiAggregates1764300000000 } from './migrations/1764300000000-FasterKpiAggregates.js';
import { NotifyDataChanges1764500000000 } from './migrations/1764500000000-NotifyDataChanges.js';
import { FasterImportChecks1764600000000 } from './migrations/1764600000000-FasterImportChecks.js';
import { KpiSeriesAggregates1764700000000 } from './migrations/1764700000000-KpiSeriesAggregates.js';
import { TileGridLocks1764800000000 } from './migrations/1764800000000-TileGridLocks.js';
import { FasterImportCommit1764900000000 } from './migrations/1764900000000-FasterImportCommit.js';
import { HistoryChainCheck1765000000000 } from './migrations/1765000000000-HistoryChainCheck.js';
import { AuditSnapshotsAsJson1765100000000 } from './migrations/1765100000000-AuditSnapshotsAsJson.js';
import { TimeOrderedIds1765200000000 } from './migrations/1765200000000-TimeOrderedIds.js';
import { QuietSessionPurge1765300000000 } from './migrations/1765300000000-QuietSessionPurge.js';
import { VerificationHistory1765400000000 } from './migrations/1765400000000-VerificationHistory.js';
import { PasswordChangeRequired1765500000000 } from './migrations/1765500000000-PasswordChangeRequired.js';
import { SyntheticTownsIndex1765600000000 } from './migrations/1765600000000-SyntheticTownsIndex.js';
import { TownUnitCounts1765700000000 } from './migrations/1765700000000-TownUnitCounts.js';
import { SignInDevices1765800000000 } from './migrations/1765800000000-SignInDevices.js';
import { InterventionObstacles1765900000000 } from './migrations/1765900000000-InterventionObstacles.js';

/** Every migration, in order. Listed explicitly: reviewed SQL, no globbing. */
export const migrations = [
  InitialSchema1763700000000,
  AddAccountsPrivacyAudit1763800000000,
  AddKpiIndexes1763900000000,
  AddImportsAndFootfall1764030000000,
  AddKpiPreAggregates1764100000000,
  AddTileGrid1764200000000,
  FasterKpiAggregates1764300000000,
  NotifyDataChanges1764500000000,
  FasterImportChecks1764600000000,
  KpiSeriesAggregates1764700000000,
  TileGridLocks1764800000000,
  FasterImportCommit1764900000000,
  HistoryChainCheck1765000000000,
  AuditSnapshotsAsJson1765100000000,
  TimeOrderedIds1765200000000,
  QuietSessionPurge1765300000000,
  VerificationHistory1765400000000,
  PasswordChangeRequired1765500000000,
  SyntheticTownsIndex1765600000000,
  TownUnitCounts1765700000000,
  SignInDevices1765800000000,
  InterventionObstacles1765900000000,
];

/** The project-local cluster of db/scripts/local-db.sh (its port can be moved with SCHAUFENSTER_PGPORT). */
export const DEFAULT_DATABASE_URL = `postgres://postgres@127.0.0.1:${process.env.SCHAUFENSTER_PGPORT ?? '54329'}/schaufenster`;

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 20,
    extra: {
      connectionTimeoutMillis: 3000,
      // Migrations, seeds and scripts run as long as they need: none of the API's time limits
      // (api/src/database/session-limits.ts), nor any a role or database default may set.
      options: '-c statement_timeout=0 -c idle_in_transaction_session_timeout=0',
    },
  });
}

/** Apply pending migrations; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  // Several replicas may start at once: one migrates, the others wait and then find nothing to do.
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('schaufenster:migrations'))`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('schaufenster:migrations'))`).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
