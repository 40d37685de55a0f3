import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Health {
  status: 'ok';
  database: { version: string; postgis: string };
}

@Injectable()
export class HealthService {
  constructor(private readonly db: DataSource) {}

  async check(): Promise<Health> {
    const [row] = await this.db.query<{ version: string; postgis: string }[]>(
      `SELECT current_setting('server_version') AS version, postgis_lib_version() AS postgis`,
    );
    return { status: 'ok', database: { version: row!.version, postgis: row!.postgis } };
  }
}
