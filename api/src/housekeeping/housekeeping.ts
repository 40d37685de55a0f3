import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AuthService } from '../auth/auth.service.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { jsonLog } from '../common/request-context.js';
import { ImportsRepository } from '../imports/imports.repository.js';

const EVERY_MS = 60 * 60_000;

/**
 * Deletes, every hour, what the installation keeps only for a while — whether or not anyone signs in or
 * uploads: expired sessions, expired device cookies' rows, failed sign-ins a day old (an e-mail and an
 * address: personal data) and expired uploads with their cells (which may hold owners' contacts) and
 * kept plans. Sign-in and upload purge sessions, failures and uploads too; the timer bounds how long
 * they stay when nobody comes. Each process runs its own (the deletes are idempotent).
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsRepository,
    private readonly imports: ImportsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runLogged(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    await this.sessions.purgeExpired();
    await this.auth.purgeOldFailures();
    await this.auth.purgeExpiredDevices();
    await this.imports.purgeExpired();
  }

  private async runLogged(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      // The database may be down for a moment: the next hour tries again.
      jsonLog({ level: 'warn', msg: 'housekeeping failed', error: (error as Error).message });
    }
  }
}
