import { api } from '../../../lib/api-client';

export type AuditEntity = 'storefront' | 'occupancy' | 'storefront_contact';
export type AuditAction = 'create' | 'update' | 'delete';

/** One row of the append-only audit trail (GET /api/storefronts/:id/changes, newest first). */
export interface ChangeRecord {
  id: string;
  at: string;
  userEmail: string | null;
  entityType: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export const changesApi = {
  forStorefront: (storefrontId: string) =>
    api.get<ChangeRecord[]>(`/api/storefronts/${storefrontId}/changes`),
};
