import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditRecord {
  id: string;
  at: string;
  userEmail: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  /** A record's change history; for a storefront its periods and contact are filed under its id too. */
  forEntity(entityId: string, limit: number): Promise<AuditRecord[]> {
    return this.db.query(
      `SELECT id::text, at, user_email AS "userEmail", entity_type AS "entityType", entity_id AS "entityId",
              action, before, after
       FROM audit_log WHERE entity_id = $1
       ORDER BY at DESC, id DESC LIMIT $2`,
      [entityId, limit],
    );
  }
}
