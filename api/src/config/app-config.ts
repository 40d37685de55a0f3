import { DEFAULT_DATABASE_URL } from '../../../db/data-source.js';
import { EXCEL_MAX_DATA_ROWS } from '../common/excel.js';
import { LOG_LEVELS } from '../common/request-context.js';

/** Every setting the API reads from the environment, validated once at boot. */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  /** Connections of the tile SQL's own pool (api/src/tiles/tile-queries.ts). */
  readonly databaseTilePoolSize: number;
  /** How long the API's database sessions may run a statement or sit idle in a transaction. */
  readonly databaseLimits: DatabaseLimits;
  /** Built dashboard to serve on the same origin; empty = API only. */
  readonly webDistDir: string;
  /** Optional street basemap style URL for the dashboard; the built-in style is the fallback. */
  readonly basemapStyleUrl: string | null;
  /** Set true behind an HTTPS-terminating proxy. */
  readonly trustProxy: boolean;
  /**
   * The address clients reach the installation at (`https://leerstand.example.de`, no trailing slash),
   * for the absolute links of OGC API – Features and TileJSON; null = taken from each request.
   */
  readonly publicUrl: string | null;
  /** The headless Chromium that renders report PDFs (docs/reports.md). */
  readonly reportRenderer: ReportRendererConfig;
  /**
   * Most units a storefronts.xlsx may hold (the workbook is streamed, but Excel's sheets have a row limit and large ones open slowly); larger selections are
   * refused with 422 EXPORT_TOO_LARGE (docs/import-export.md). At most Excel's 1,048,575 data rows.
   */
  readonly exportXlsxMaxRows: number;
}

/**
 * PostgreSQL's `statement_timeout` and `idle_in_transaction_session_timeout` for the API's connections
 * (api/src/database/session-limits.ts); 0 = no limit. Migrations, seeds and scripts have none.
 */
export interface DatabaseLimits {
  /** Longest statement of an ordinary request (both pools). */
  readonly statementTimeoutMs: number;
  /** Longest pause inside an open transaction before the server ends the session. */
  readonly idleInTransactionTimeoutMs: number;
  /** Both limits inside the transactions of imports and exports, which legitimately run long. */
  readonly longRunningTimeoutMs: number;
}

export interface ReportRendererConfig {
  /** Chromium binary (Debian's package by default; never a downloaded browser). */
  readonly chromiumPath: string;
  /** Time for one report from the start of rendering to the finished PDF. */
  readonly renderTimeoutMs: number;
  /** Reports rendered at the same time (pages of one shared browser). */
  readonly concurrency: number;
  /** Requests allowed to wait for a slot; beyond that the answer is 503 REPORT_RENDERER_BUSY. */
  readonly queueLimit: number;
}

export class ConfigError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** `true` or `false` (any case); anything else is refused rather than silently read as false. */
function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** An http(s) address without query or fragment; a trailing slash is dropped. */
function publicUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `PUBLIC_URL must be the http(s) address of the installation, like https://leerstand.example.de, got "${raw}"`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'test' && nodeEnv !== 'production') {
    throw new ConfigError(`NODE_ENV must be development, test or production, got "${nodeEnv}"`);
  }
  if (nodeEnv === 'production' && !env.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_URL must be set in production (the local development default is not used).',
    );
  }
  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  // LOG_LEVEL is read by the logger itself (api/src/common/request-context.ts); checked here at boot.
  if (env.LOG_LEVEL && !LOG_LEVELS.includes(env.LOG_LEVEL)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  if (env.HOST !== undefined && env.HOST.trim() === '') throw new ConfigError('HOST must not be empty');
  const basemap = env.BASEMAP_STYLE_URL?.trim() || null;
  if (basemap !== null && !/^https?:\/\//.test(basemap)) {
    throw new ConfigError('BASEMAP_STYLE_URL must be an http(s) URL');
  }
  return {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: integer('PORT', env.PORT, 3000, 1, 65535),
    databaseUrl,
    databasePoolSize: integer('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 20, 1, 500),
    databaseTilePoolSize: integer('DATABASE_TILE_POOL_SIZE', env.DATABASE_TILE_POOL_SIZE, 10, 1, 500),
    databaseLimits: loadDatabaseLimits(env),
    webDistDir: env.WEB_DIST_DIR ?? 'web/dist',
    basemapStyleUrl: basemap,
    trustProxy: flag('TRUST_PROXY', env.TRUST_PROXY, false),
    publicUrl: publicUrl(env.PUBLIC_URL),
    reportRenderer: loadReportRendererConfig(env),
    exportXlsxMaxRows: integer(
      'EXPORT_XLSX_MAX_ROWS',
      env.EXPORT_XLSX_MAX_ROWS,
      200_000,
      1,
      EXCEL_MAX_DATA_ROWS,
    ),
  };
}

const HOUR_MS = 3_600_000;

function loadDatabaseLimits(env: NodeJS.ProcessEnv): DatabaseLimits {
  const statementTimeoutMs = integer(
    'DATABASE_STATEMENT_TIMEOUT_MS',
    env.DATABASE_STATEMENT_TIMEOUT_MS,
    30_000,
    0,
    HOUR_MS,
  );
  const idleInTransactionTimeoutMs = integer(
    'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
    env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    60_000,
    0,
    HOUR_MS,
  );
  const longRunningTimeoutMs = integer(
    'DATABASE_LONG_RUNNING_TIMEOUT_MS',
    env.DATABASE_LONG_RUNNING_TIMEOUT_MS,
    900_000,
    0,
    24 * HOUR_MS,
  );
  // 0 is "no limit": the long-running limit must not be tighter than the ordinary ones it replaces.
  const unlimited = (ms: number): number => (ms === 0 ? Infinity : ms);
  if (
    unlimited(longRunningTimeoutMs) < unlimited(statementTimeoutMs) ||
    unlimited(longRunningTimeoutMs) < unlimited(idleInTransactionTimeoutMs)
  ) {
    throw new ConfigError(
      `DATABASE_LONG_RUNNING_TIMEOUT_MS must be 0 (no limit) or at least DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS (0 there means no limit), got "${longRunningTimeoutMs}"`,
    );
  }
  return { statementTimeoutMs, idleInTransactionTimeoutMs, longRunningTimeoutMs };
}

function loadReportRendererConfig(env: NodeJS.ProcessEnv): ReportRendererConfig {
  const chromiumPath = env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
  if (!chromiumPath.startsWith('/')) throw new ConfigError('CHROMIUM_PATH must be an absolute path');
  return {
    chromiumPath,
    renderTimeoutMs: integer(
      'REPORT_RENDER_TIMEOUT_MS',
      env.REPORT_RENDER_TIMEOUT_MS,
      45_000,
      1_000,
      600_000,
    ),
    concurrency: integer('REPORT_RENDER_CONCURRENCY', env.REPORT_RENDER_CONCURRENCY, 1, 1, 8),
    queueLimit: integer('REPORT_QUEUE_LIMIT', env.REPORT_QUEUE_LIMIT, 6, 0, 100),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
