import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * `--split-cores`: PostgreSQL's processes on the first core, everything else (this process and what
 * it starts: the API, wrk, pgbench, the bare comparator servers) on the others — the shape of a
 * production installation, where the database is a server of its own (docker/compose.yml), on one
 * machine. Both sides of every ratio then get the database's one core. New backends inherit the
 * postmaster's affinity. Returns the function that gives every process all cores again.
 */
export function splitCores(dataDirectory: string, log: (msg: string) => void): () => void {
  const cpus = os.cpus().length;
  if (cpus < 2) throw new Error('--split-cores needs at least two cores');
  const postmaster = Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  const database = [postmaster, ...childrenOf(postmaster)];
  const all = `0-${cpus - 1}`;
  const others = cpus === 2 ? '1' : `1-${cpus - 1}`;
  for (const pid of database) pin(pid, '0');
  pin(process.pid, others);
  log(
    `cores split: PostgreSQL (postmaster ${postmaster} and its ${database.length - 1} processes) on CPU 0; ` +
      `this process, the API, wrk and pgbench on CPU ${others}`,
  );
  const join = (): void => {
    for (const pid of [postmaster, ...childrenOf(postmaster)]) pin(pid, all);
    pin(process.pid, all);
  };
  // Ctrl-C must not leave the database on one core.
  const interrupted = (): void => {
    join();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  return () => {
    process.off('SIGINT', interrupted);
    join();
  };
}

/** All threads of the process (`-a`); a process that has just ended is skipped. */
function pin(pid: number, cpuList: string): void {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' });
  } catch (error) {
    if (existsProcess(pid)) throw error;
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function existsProcess(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}
