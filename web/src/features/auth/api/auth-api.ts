import { api } from '../../../lib/api-client';

export const ROLES = ['city_editor', 'network_member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  cityId: string | null;
  networkId: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  /** Signed in with a temporary password: it must be replaced before anything else (/konto/passwort). */
  mustChangePassword: boolean;
}

/** GET /api/auth/session and POST /api/auth/sign-in answer the same shape; `user` is null when anonymous. */
export interface Session {
  user: SessionUser | null;
  grants: Grant[];
  csrfToken: string | null;
}

export const ANONYMOUS: Session = { user: null, grants: [], csrfToken: null };

export const authApi = {
  session: () => api.get<Session>('/api/auth/session'),
  signIn: (email: string, password: string) => api.post<Session>('/api/auth/sign-in', { email, password }),
  signOut: () => api.post<void>('/api/auth/sign-out'),
  /** Answers the new session that replaces the current one (new cookie and CSRF token). */
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<Session>('/api/auth/password', { currentPassword, newPassword }),
};
