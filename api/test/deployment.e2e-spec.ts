import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/app-config.js';

/**
 * Static validation of the production setup (docker/): there is no Docker engine here, so the compose
 * file is checked by Debian's docker-compose (`config` resolves and validates it without an engine)
 * and the Dockerfile by reading it. Missing docker-compose is a failure, not a skip: it is installed
 * by db/scripts/ensure-system-packages.sh.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMPOSE_FILE = 'docker/compose.yml';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  depends_on?: Record<string, { condition?: string }>;
  environment?: Record<string, string | number | null>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: unknown[];
  volumes?: ({ type?: string; source?: string; target?: string } | string)[];
  restart?: string;
  command?: string[] | string;
  init?: boolean;
  stop_grace_period?: string;
}
interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function dockerCompose(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Only what compose needs: no variable from the developer's shell leaks into the check.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'docker-compose is not installed, so docker/compose.yml cannot be validated. ' +
        'Run `bash db/scripts/ensure-system-packages.sh` (installs the Debian package docker-compose).',
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** docker-compose's normalised YAML → JSON, with the YAML library docker-compose itself depends on. */
function yamlToJson(yaml: string): unknown {
  const result = spawnSync(
    'python3',
    ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    {
      input: yaml,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`could not parse docker-compose output: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile → stages of instructions (comments dropped, `\` continuations joined). */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const isPinned = (image: string): boolean =>
  /^[^:@\s]+(:[\w][\w.-]*)?(@sha256:[0-9a-f]{64})?$/.test(image) &&
  /[:@]/.test(image) &&
  !/:latest(@|$)/.test(image);

describe('docker/compose.yml (validated by docker-compose config)', () => {
  let config: ComposeConfig;

  beforeAll(() => {
    const { status, stdout, stderr } = dockerCompose(['config'], { POSTGRES_PASSWORD: 'not-a-real-secret' });
    if (status !== 0) throw new Error(`docker-compose config failed:\n${stderr}`);
    config = yamlToJson(stdout) as ComposeConfig;
  });

  it('refuses to start without the database password (no default for secrets)', () => {
    const { status, stderr } = dockerCompose(['config'], {});
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/POSTGRES_PASSWORD/);
  });

  it('runs PostGIS 15 from a pinned image and the API from docker/Dockerfile', () => {
    const { db, api } = config.services;
    expect(db?.image).toMatch(/^postgis\/postgis:15-3\.\d+/);
    for (const [name, service] of Object.entries(config.services)) {
      if (service.image) expect({ name, pinned: isPinned(service.image) }).toEqual({ name, pinned: true });
    }
    expect(api?.build).toEqual({ context: ROOT, dockerfile: 'docker/Dockerfile' });
  });

  it('gates the API start on a healthy database, and checks the health of both', () => {
    const { db, api } = config.services;
    expect(api?.depends_on?.db?.condition).toBe('service_healthy');
    expect(db?.healthcheck?.test).toEqual(['CMD-SHELL', expect.stringContaining('pg_isready')]);
    expect(api?.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('/api/health/ready')]),
    );
    expect(db?.healthcheck?.disable).toBeFalsy();
    expect(api?.healthcheck?.disable).toBeFalsy();
    expect(db?.restart).toBe('unless-stopped');
    expect(api?.restart).toBe('unless-stopped');
  });

  it('keeps the data in a named volume and does not publish the database port', () => {
    const { db } = config.services;
    const data = (db?.volumes ?? []).map((v) =>
      typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v,
    );
    const pgdata = data.find((v) => v.target === '/var/lib/postgresql/data');
    expect(pgdata?.source).toMatch(/^[a-z0-9][a-z0-9_.-]*$/i); // a volume name, not a host path
    expect(Object.keys(config.volumes ?? {})).toContain(pgdata?.source);
    expect(db?.ports ?? []).toEqual([]);
  });

  it('starts PostgreSQL with room for bulk imports between checkpoints, shared buffers set by the environment', () => {
    const command = config.services.db?.command;
    expect(command).toEqual(expect.arrayContaining(['postgres', 'max_wal_size=4GB', 'shared_buffers=512MB']));
    const { status, stdout } = dockerCompose(['config'], {
      POSTGRES_PASSWORD: 'not-a-real-secret',
      POSTGRES_SHARED_BUFFERS: '2GB',
    });
    expect(status).toBe(0);
    expect((yamlToJson(stdout) as ComposeConfig).services.db?.command).toContain('shared_buffers=2GB');
  });

  it('configures the API for a container: all interfaces, the db service, the secret from the environment', () => {
    const env = config.services.api?.environment ?? {};
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toBe('postgres://schaufenster:not-a-real-secret@db:5432/schaufenster');
  });

  it('publishes the API on the host’s loopback only (the TLS proxy runs there), on every interface when asked', () => {
    expect(config.services.api?.ports).toEqual(['127.0.0.1:3000:3000/tcp']);
    const { status, stdout } = dockerCompose(['config'], {
      POSTGRES_PASSWORD: 'not-a-real-secret',
      API_BIND: '0.0.0.0',
      API_PORT: '8080',
    });
    expect(status).toBe(0);
    expect((yamlToJson(stdout) as ComposeConfig).services.api?.ports).toEqual(['0.0.0.0:8080:3000/tcp']);
  });

  it('stops the API gracefully: an init process, and time to answer the requests in flight', () => {
    const api = config.services.api;
    expect(api?.init).toBe(true);
    expect(api?.stop_grace_period).toBe('60s');
  });

  it('passes the operator’s settings through to the API, and their defaults are valid settings', () => {
    const env = config.services.api?.environment ?? {};
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'DATABASE_POOL_SIZE',
        'DATABASE_TILE_POOL_SIZE',
        'DATABASE_STATEMENT_TIMEOUT_MS',
        'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        'DATABASE_LONG_RUNNING_TIMEOUT_MS',
        'BASEMAP_STYLE_URL',
        'TRUST_PROXY',
        'PUBLIC_URL',
        'LOG_LEVEL',
        'REPORT_RENDER_TIMEOUT_MS',
        'REPORT_RENDER_CONCURRENCY',
        'REPORT_QUEUE_LIMIT',
        'EXPORT_XLSX_MAX_ROWS',
      ]),
    );
    const asStrings = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]),
    );
    expect(loadConfig(asStrings)).toMatchObject({
      nodeEnv: 'production',
      trustProxy: false,
      publicUrl: null,
      port: 3000,
      exportXlsxMaxRows: 200_000,
      databaseLimits: {
        statementTimeoutMs: 30_000,
        idleInTransactionTimeoutMs: 60_000,
        longRunningTimeoutMs: 900_000,
      },
    });
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(resolve(ROOT, 'docker/Dockerfile'), 'utf8');
  const stages = parseDockerfile(dockerfile);
  const final = stages.at(-1)!;
  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
  const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

  it('is multi-stage, every base image pinned by version', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const { from } of stages) {
      if (stageNames.has(from)) continue;
      expect({ from, pinned: isPinned(from) && /:\d+\.\d+\.\d+/.test(from) }).toEqual({ from, pinned: true });
    }
  });

  it('builds with every dependency, but ships production dependencies only', () => {
    const runs = stages.flatMap((s) => all(s, 'RUN').map((r) => ({ stage: s.name, cmd: r.args })));
    expect(runs.filter((r) => /npm ci\b/.test(r.cmd) && !/--omit=dev/.test(r.cmd))).toHaveLength(1);
    expect(runs).toContainEqual(
      expect.objectContaining({ cmd: expect.stringContaining('tsc -p api/tsconfig.app.json') }),
    );
    expect(runs).toContainEqual(expect.objectContaining({ cmd: expect.stringMatching(/vite\.js build/) }));
    const prodStage = runs.find((r) => /npm ci .*--omit=dev/.test(r.cmd))?.stage;
    expect(prodStage).toBeDefined();
    const copies = all(final, 'COPY').map((c) => c.args);
    expect(copies).toContainEqual(expect.stringMatching(new RegExp(`--from=${prodStage} \\S*node_modules`)));
    for (const needed of ['/app/dist', '/app/web/dist', 'db/reference-data']) {
      expect(copies).toContainEqual(expect.stringContaining(needed));
    }
  });

  it('runs as a non-root user in the final stage', () => {
    const user = all(final, 'USER').at(-1)?.args.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('has a HEALTHCHECK on /api/health/ready', () => {
    const healthcheck = all(final, 'HEALTHCHECK').at(-1)?.args ?? '';
    expect(healthcheck).toContain('/api/health/ready');
    expect(healthcheck).not.toMatch(/^NONE/);
  });

  it('applies the migrations before it starts the API', () => {
    const entrypoint = all(final, 'ENTRYPOINT').at(-1)?.args ?? '';
    const [, script = ''] = /"([^"]*entrypoint[^"]*)"/.exec(entrypoint) ?? [];
    const copied = all(final, 'COPY')
      .find((c) => c.args.endsWith(` ${script}`))
      ?.args.split(/\s+/)
      .at(-2);
    expect(copied).toBe('docker/entrypoint.sh');
    const text = readFileSync(resolve(ROOT, 'docker/entrypoint.sh'), 'utf8');
    expect(text).toMatch(/^#!\/bin\/sh\n/);
    expect(text).toMatch(/set -e/);
    const migrate = text.indexOf('node dist/db/migrate.js');
    const start = text.indexOf('exec node dist/api/src/main.js');
    expect(migrate).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(migrate);
    // what the entrypoint runs is what `tsc -p api/tsconfig.app.json` emits
    expect(existsSync(resolve(ROOT, 'db/migrate.ts'))).toBe(true);
    expect(existsSync(resolve(ROOT, 'api/src/main.ts'))).toBe(true);
  });

  it('has a build context without local state and with every file the build copies', () => {
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['.git', '**/node_modules', 'dist', '.pgdata', '.env', 'backups']),
    );
    const fromContext = stages
      .flatMap((s) => all(s, 'COPY'))
      .filter((c) => !c.args.startsWith('--from'))
      .flatMap((c) =>
        c.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      expect({ source, exists: existsSync(resolve(ROOT, source)) }).toEqual({ source, exists: true });
      const excludedBy = ignored.filter(
        (p) => !p.includes('*') && (source === p || source.startsWith(`${p}/`)),
      );
      expect({ source, excludedBy }).toEqual({ source, excludedBy: [] });
    }
  });
});
