import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequest } from '../common/request-context.js';

export const AUDIT_ENTITIES = [
  'storefront',
  'occupancy',
  'intervention',
  'city',
  'storefront_contact',
  'user',
  'counting_location',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  cityId: string | null;
  entityType: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

/**
 * Writes the audit trail inside the caller's transaction, so a change and its record commit
 * together. Who and which request come from the request context.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const context = currentRequest();
    const user = context?.viewer?.user ?? null;
    await em.query(
      `INSERT INTO audit_log (user_id, user_email, city_id, entity_type, entity_id, action, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        user?.id ?? null,
        user?.email ?? null,
        entry.cityId,
        entry.entityType,
        entry.entityId,
        entry.action,
        entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        context?.requestId ?? null,
      ],
    );
  }
}
