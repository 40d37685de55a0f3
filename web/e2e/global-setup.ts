import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../db/data-source.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// E2E_DATABASE_URL lets parallel runs use separate databases; the one it names is recreated.
const DB = process.env.E2E_DATABASE_URL
  ? new URL(process.env.E2E_DATABASE_URL).pathname.slice(1)
  : 'schaufenster_e2e';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer on ${url} within 30 s`);
}

/**
 * Fresh database, migrated and seeded, and the built API serving the built dashboard.
 * Returns the teardown that stops the API.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_BASE_URL) return () => Promise.resolve();
  for (const built of ['dist/api/src/main.js', 'web/dist/index.html']) {
    if (!existsSync(resolve(root, built))) {
      throw new Error(
        `${built} is missing: run "npx tsc -p api/tsconfig.app.json" and "node node_modules/vite/bin/vite.js build web" first`,
      );
    }
  }
  run('bash', ['db/scripts/local-db.sh', 'up']);
  run('bash', ['db/scripts/local-db.sh', 'recreate', DB]);
  const databaseUrl =
    process.env.E2E_DATABASE_URL ??
    `postgres://postgres@127.0.0.1:${process.env.SCHAUFENSTER_PGPORT ?? '54329'}/${DB}`;
  await migrate(databaseUrl);
  run('node', ['node_modules/tsx/dist/cli.mjs', 'db/seeds/run.ts', '--demo'], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });

  const port = process.env.E2E_PORT ?? '3100';
  const api = spawn('node', ['dist/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: port,
      DATABASE_URL: databaseUrl,
      WEB_DIST_DIR: 'web/dist',
      NODE_ENV: 'test',
      BASEMAP_STYLE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(`http://127.0.0.1:${port}`, api);
  return () => {
    api.kill('SIGTERM');
    return Promise.resolve();
  };
}
