import { ConfigError } from '../config/app-config.js';

/** Settings of the PDF renderer, read from the environment once at boot (fails fast). */
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

export const REPORT_RENDERER_CONFIG = 'schaufenster:report-renderer-config';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function loadReportRendererConfig(env: NodeJS.ProcessEnv = process.env): ReportRendererConfig {
  const chromiumPath = env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
  if (!chromiumPath.startsWith('/')) throw new ConfigError('CHROMIUM_PATH must be an absolute path');
  return {
    chromiumPath,
    renderTimeoutMs: integer(env, 'REPORT_RENDER_TIMEOUT_MS', 45_000, 1_000, 600_000),
    concurrency: integer(env, 'REPORT_RENDER_CONCURRENCY', 1, 1, 8),
    queueLimit: integer(env, 'REPORT_QUEUE_LIMIT', 6, 0, 100),
  };
}

/** Flags that make Debian's Chromium work headless here (see SETUP-NOTES): no sandbox as root, no GPU, no phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
];
