import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { ReportPdfRenderer, type ReportRendererState } from '../reports/report-pdf.renderer.js';

export interface DatabaseVersions {
  version: string;
  postgis: string;
}

export interface Health {
  status: 'ok';
  database: DatabaseVersions;
}

/** The process is up and its event loop turns; nothing else is asked. */
export interface Liveness {
  status: 'ok';
}

/** Ready for traffic: the database answered in time. The PDF renderer is reported, not required. */
export interface Readiness extends Health {
  reportRenderer: ReportRendererState;
}

/**
 * How long readiness waits for the database: a connection from the pool and one query. Under the
 * Docker healthcheck's 5 s, and above the pool's own 2 s for a connection (database.module.ts), which
 * normally answers first with its clearer reason.
 */
export const READY_DATABASE_MS = 3000;

@Injectable()
export class HealthService {
  constructor(
    private readonly db: DataSource,
    private readonly reportRenderer: ReportPdfRenderer,
  ) {}

  async check(): Promise<Health> {
    return { status: 'ok', database: await this.databaseVersions() };
  }

  live(): Liveness {
    return { status: 'ok' };
  }

  /** 503 DATABASE_UNAVAILABLE (with the renderer's state in `details`) when the database does not answer in time. */
  async ready(): Promise<Readiness> {
    const [database, reportRenderer] = await Promise.all([
      withDeadline(this.databaseVersions(), READY_DATABASE_MS).catch(() => null),
      this.reportRenderer.state(),
    ]);
    if (!database) {
      throw new DomainError(
        'DATABASE_UNAVAILABLE',
        `Not ready: the database did not answer within ${READY_DATABASE_MS / 1000} s.`,
        { reportRenderer },
      );
    }
    return { status: 'ok', database, reportRenderer };
  }

  private async databaseVersions(): Promise<DatabaseVersions> {
    const [row] = await this.db.query<DatabaseVersions[]>(
      `SELECT current_setting('server_version') AS version, postgis_lib_version() AS postgis`,
    );
    return { version: row!.version, postgis: row!.postgis };
  }
}

/** `work`, or a rejection once `ms` have passed (the work itself goes on and releases its connection). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
