import { api } from '../../../lib/api-client';
import type { Grant, Role } from '../../auth/api/auth-api';

export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  /** Still on the temporary password handed out at creation or reset. */
  mustChangePassword: boolean;
  disabled: boolean;
  grants: Grant[];
  createdAt: string;
  version: number;
}

/** A role in one town (city_editor, viewer) or one network (network_member). */
export interface GrantInput {
  role: Role;
  cityId?: string;
  networkId?: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  isAdmin?: boolean;
  grants?: GrantInput[];
}

export interface UserChanges {
  displayName?: string;
  isAdmin?: boolean;
  disabled?: boolean;
  grants?: GrantInput[];
}

export const usersApi = {
  list: () => api.get<User[]>('/api/users'),
  create: (body: NewUser) => api.post<{ user: User; temporaryPassword: string }>('/api/users', body),
  update: (id: string, version: number, changes: UserChanges) =>
    api.patch<User>(`/api/users/${id}`, { ...changes, version }),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
};
