import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { jsonLog } from '../common/request-context.js';

/** The channel of migration NotifyDataChanges; the payload is the topic. */
const CHANNEL = 'schaufenster_changes';
export type ChangeTopic = 'tiles' | 'auth';
const RETRY_MS = 1000;
/** A cache's reaction to a topic; a returned promise counts as work in progress for `sync`. */
type Handler = () => void | Promise<void>;

/**
 * Tells in-memory caches when another transaction (in any API process) changed what they hold:
 * one dedicated connection LISTENs to `schaufenster_changes` (migration NotifyDataChanges).
 *
 * A cache may trust its contents only while `live` is true. When the connection drops, `live`
 * turns false at once (caches fall back to asking the database) and the feed reconnects; once
 * listening again it calls every `onResync` handler so caches reload what they may have missed.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private isLive = false;
  private readonly handlers = new Map<ChangeTopic, Handler[]>();
  private readonly resyncHandlers: Handler[] = [];
  /** Handlers still at work (a cache reloading), and `sync` callers waiting for their marker. */
  private readonly pending = new Set<Promise<void>>();
  private readonly syncWaiters = new Map<string, () => void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get live(): boolean {
    return this.isLive;
  }

  on(topic: ChangeTopic, handler: Handler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Called whenever the feed (re)starts listening: everything may have changed meanwhile. */
  onResync(handler: Handler): void {
    this.resyncHandlers.push(handler);
  }

  /**
   * Resolves once every change committed before the call is reflected in the caches: sends a marker
   * on the channel (PostgreSQL delivers notifications in commit order) and waits for it and for the
   * handlers' work. For callers that wrote through another connection (tests, scripts).
   */
  async sync(): Promise<void> {
    const client = this.client;
    if (!this.isLive || !client) return;
    const marker = `sync:${randomUUID()}`;
    const seen = new Promise<void>((resolve) => this.syncWaiters.set(marker, resolve));
    await client.query(`SELECT pg_notify($1, $2)`, [CHANNEL, marker]);
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    this.syncWaiters.delete(marker);
    await Promise.all([...this.pending]);
  }

  private run(handlers: readonly Handler[]): void {
    for (const handler of handlers) {
      const work = handler();
      if (!work) continue;
      const tracked = work.catch(() => undefined).finally(() => this.pending.delete(tracked));
      this.pending.add(tracked);
    }
  }

  onModuleInit(): void {
    // Not awaited: the API starts (and answers 503s) while the database is away; the feed follows.
    void this.connect();
  }

  /** Closed after the HTTP server (Nest's order on a stop): the requests still being answered finish first. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.isLive = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      connectionTimeoutMillis: 2000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
      application_name: 'schaufenster-change-feed',
    });
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = null;
      this.isLive = false;
      void client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || msg.payload === undefined) return;
      const waiter = this.syncWaiters.get(msg.payload);
      if (waiter) waiter();
      else this.run(this.handlers.get(msg.payload as ChangeTopic) ?? []);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.client !== client || this.stopped) return;
      this.isLive = true;
      this.run(this.resyncHandlers);
    } catch (error) {
      if (this.client === client) {
        jsonLog({
          level: 'warn',
          msg: 'change feed unavailable; caches ask the database',
          error: String(error),
        });
        lost();
      }
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => void this.connect(), RETRY_MS);
    this.retry.unref();
  }
}
