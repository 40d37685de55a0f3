import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { ChangeFeed } from './change-feed.js';
import { sessionOptions } from './session-limits.js';

/**
 * One connection pool per process. TypeORM runs the pool, transactions and migrations;
 * queries are explicit SQL in the feature repositories. Never `synchronize`. `ChangeFeed` tells the
 * in-memory caches about other transactions' writes.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        synchronize: false,
        migrationsRun: false,
        // No query logging: failed statements would put their parameters (personal data) into the log.
        logging: false,
        poolSize: config.databasePoolSize,
        // Fail fast while the database is away (503), recover without a restart when it is back.
        // TCP keepalive notices a silently dropped network. Statements and idle transactions are
        // limited (session-limits.ts); imports and exports raise the limits for their own transactions.
        extra: {
          // No JIT: these are short queries whose row estimates (generate_series, unnest, PostGIS) are
          // often far too high, so PostgreSQL compiled code for them — at M, 245 of a KPI query's 367 ms.
          options: sessionOptions(config.databaseLimits, '-c jit=off'),
          connectionTimeoutMillis: 2000,
          idleTimeoutMillis: 10000,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10000,
        },
        retryAttempts: 0,
      }),
    }),
    ConfigModule,
  ],
  providers: [ChangeFeed],
  exports: [ChangeFeed],
})
export class DatabaseModule {}
