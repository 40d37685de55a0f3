import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';

/**
 * One connection pool per process. TypeORM runs the pool, transactions and migrations;
 * queries are explicit SQL in the feature repositories. Never `synchronize`.
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
        // keepAlive + query_timeout: a silently dropped network fails the request instead of hanging it.
        extra: {
          connectionTimeoutMillis: 2000,
          idleTimeoutMillis: 10000,
          keepAlive: true,
          query_timeout: 30000,
        },
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
