import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { AuditRecord } from '../audit.repository.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../audit.service.js';

/** A snapshot in the audit trail: any JSON object (contacts: only which fields were filled, never values). */
const SNAPSHOT = { type: 'object', additionalProperties: true, nullable: true } as const;

@ApiSchema({ name: 'AuditRecord', description: 'One change in the append-only audit trail' })
export class AuditRecordResponse implements AuditRecord {
  @ApiProperty({
    description: 'Sequence number (a string: it may exceed JavaScript’s integers)',
    example: '4711',
  })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, description: 'Who changed it; null for system changes' })
  userEmail: string | null;

  @ApiProperty({ enum: AUDIT_ENTITIES, description: 'What was changed' })
  entityType: AuditEntity;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({ ...SNAPSHOT, description: 'The record before the change; null for a creation' })
  before: Record<string, unknown> | null;

  @ApiProperty({ ...SNAPSHOT, description: 'The record after the change; null for a deletion' })
  after: Record<string, unknown> | null;
}
