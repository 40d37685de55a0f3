import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { jsonLog } from '../common/request-context.js';
import { sessionOptions } from '../database/session-limits.js';

/** Distinct tile statements named at most; beyond, a text runs unnamed (planned each time). */
const MAX_NAMED = 1000;

/**
 * The tile SQL's own connection pool: prepared statements with generic plans.
 *
 * Planning a tile query costs PostgreSQL 0.5–0.6 ms; executing one at S and M 0.1–0.3 ms
 * (docs/benchmarks.md). Here each distinct SQL text is a named statement, prepared once per
 * connection and planned once with `plan_cache_mode = force_generic_plan`, so a tile costs the
 * database only its execution (pgbench at S: 1,730 → 5,420 z14 tiles/s). Generic plans are safe for
 * these statements: whatever the parameters, each is an index scan on the tile's envelope (checked at
 * S, M and L). A pool of its own because that setting must not reach other statements: PL/pgSQL
 * triggers cache their plans too, and the KPI and import statements need plans for their values.
 * Like the main pool: no JIT, the same time limits, fail fast while the database is away, recover when
 * it is back.
 */
@Injectable()
export class TileQueries implements OnApplicationShutdown {
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, string>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.databaseTilePoolSize,
      options: sessionOptions(config.databaseLimits, '-c jit=off -c plan_cache_mode=force_generic_plan'),
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 10000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
    });
    // An idle connection the server dropped: the pool discards it; without a listener it would crash the process.
    this.pool.on('error', (error) =>
      jsonLog({ level: 'warn', msg: 'tile pool: idle connection lost', error: error.message }),
    );
  }

  /** The statement's first row (undefined when it returned none). */
  async first<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T | undefined> {
    const result = await this.pool.query<T>({ name: this.nameOf(text), text, values });
    return result.rows[0];
  }

  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_NAMED) {
      name = `tile_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      this.names.set(text, name);
    }
    return name;
  }

  /** Closed after the HTTP server (Nest's order on a stop): the requests still being answered finish first. */
  onApplicationShutdown(): Promise<void> {
    return this.pool.end();
  }
}
