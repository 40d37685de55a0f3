import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    expect(loadConfig({})).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      basemapStyleUrl: null,
      databasePoolSize: 20,
      databaseTilePoolSize: 10,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: 'abc' }, /PORT/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ BASEMAP_STYLE_URL: 'ftp://tiles' }, /BASEMAP_STYLE_URL/],
    [{ DATABASE_TILE_POOL_SIZE: '0' }, /DATABASE_TILE_POOL_SIZE/],
    [{ NODE_ENV: 'production' }, /DATABASE_URL must be set in production/],
    [{ TRUST_PROXY: '1' }, /TRUST_PROXY must be true or false/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ LOG_LEVEL: 'debug' }, /LOG_LEVEL must be one of silent, error, warn, info/],
    [{ HOST: ' ' }, /HOST/],
  ])('fails fast on %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

it('reads TRUST_PROXY as true or false in any case, false when unset', () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe(true);
  expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  expect(loadConfig({ TRUST_PROXY: 'False' }).trustProxy).toBe(false);
});

describe('database time limits', () => {
  it('default to 30 s per statement, 60 s idle in a transaction and 15 min for imports and exports', () => {
    expect(loadConfig({}).databaseLimits).toEqual({
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
      longRunningTimeoutMs: 900_000,
    });
  });

  it('take 0 for no limit', () => {
    expect(
      loadConfig({
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
        DATABASE_LONG_RUNNING_TIMEOUT_MS: '0',
      }).databaseLimits,
    ).toEqual({ statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0, longRunningTimeoutMs: 0 });
  });

  it.each([
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '-1' },
      'DATABASE_STATEMENT_TIMEOUT_MS must be an integer between 0 and 3600000, got "-1"',
    ],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '30s' },
      'DATABASE_STATEMENT_TIMEOUT_MS must be an integer between 0 and 3600000, got "30s"',
    ],
    [
      { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3600001' },
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be an integer between 0 and 3600000, got "3600001"',
    ],
    [
      { DATABASE_LONG_RUNNING_TIMEOUT_MS: '1.5' },
      'DATABASE_LONG_RUNNING_TIMEOUT_MS must be an integer between 0 and 86400000',
    ],
    [
      { DATABASE_LONG_RUNNING_TIMEOUT_MS: '10000' },
      'DATABASE_LONG_RUNNING_TIMEOUT_MS must be 0 (no limit) or at least',
    ],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_LONG_RUNNING_TIMEOUT_MS: '900000' },
      'DATABASE_LONG_RUNNING_TIMEOUT_MS must be 0 (no limit) or at least',
    ],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('report renderer settings', () => {
  it('defaults to Debian Chromium and checks the limits', () => {
    expect(loadConfig({}).reportRenderer).toEqual({
      chromiumPath: '/usr/bin/chromium',
      renderTimeoutMs: 45_000,
      concurrency: 1,
      queueLimit: 6,
    });
    expect(() => loadConfig({ CHROMIUM_PATH: 'chromium' })).toThrow(/absolute path/);
    expect(() => loadConfig({ REPORT_RENDER_CONCURRENCY: '0' })).toThrow(/REPORT_RENDER_CONCURRENCY/);
  });
});

describe('EXPORT_XLSX_MAX_ROWS', () => {
  it('defaults to 200,000 units and takes any whole number up to what an Excel sheet holds', () => {
    expect(loadConfig({}).exportXlsxMaxRows).toBe(200_000);
    expect(loadConfig({ EXPORT_XLSX_MAX_ROWS: '1' }).exportXlsxMaxRows).toBe(1);
    expect(loadConfig({ EXPORT_XLSX_MAX_ROWS: '1048575' }).exportXlsxMaxRows).toBe(1_048_575);
  });

  it.each(['0', '-5', 'abc', '200k', '1.5', '1048576', '5000000'])('refuses %p', (value) => {
    expect(() => loadConfig({ EXPORT_XLSX_MAX_ROWS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ EXPORT_XLSX_MAX_ROWS: value })).toThrow(
      `EXPORT_XLSX_MAX_ROWS must be an integer between 1 and 1048575, got "${value}"`,
    );
  });
});

describe('PUBLIC_URL', () => {
  it('is the installation’s http(s) address without a trailing slash, null when unset', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: ' ' }).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://leerstand.example.de/' }).publicUrl).toBe(
      'https://leerstand.example.de',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://intranet:8080/schaufenster//' }).publicUrl).toBe(
      'http://intranet:8080/schaufenster',
    );
  });

  it.each(['leerstand.example.de', 'ftp://example.de', 'https://example.de/?a=1', 'https://u:p@example.de'])(
    'refuses %p',
    (value) => {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL must be the http\(s\) address/);
    },
  );
});
