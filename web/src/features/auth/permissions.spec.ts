import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Session } from './api/auth-api';
import { isAdmin, mayEditTown } from './permissions';

const user = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  isAdmin: false,
  mustChangePassword: false,
};
const editorOf = (cityId: string): Session => ({
  user,
  grants: [{ role: 'city_editor', cityId, networkId: null }],
  csrfToken: 't',
});

describe('permissions', () => {
  it('lets a city editor edit only their own town', () => {
    expect(mayEditTown(editorOf('muehlhausen'), 'muehlhausen')).toBe(true);
    expect(mayEditTown(editorOf('muehlhausen'), 'gotha')).toBe(false);
  });

  it('does not let viewers, network members, anonymous visitors or plain admins edit', () => {
    const viewer: Session = {
      user,
      grants: [{ role: 'viewer', cityId: 'gotha', networkId: null }],
      csrfToken: 't',
    };
    const member: Session = {
      user,
      grants: [{ role: 'network_member', cityId: null, networkId: 'n1' }],
      csrfToken: 't',
    };
    const admin: Session = { user: { ...user, isAdmin: true }, grants: [], csrfToken: 't' };
    expect(mayEditTown(viewer, 'gotha')).toBe(false);
    expect(mayEditTown(member, 'gotha')).toBe(false);
    expect(mayEditTown(ANONYMOUS, 'gotha')).toBe(false);
    expect(mayEditTown(admin, 'gotha')).toBe(false);
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(viewer)).toBe(false);
  });

  it('has nothing to edit while the town or the session is still loading', () => {
    expect(mayEditTown(undefined, 'gotha')).toBe(false);
    expect(mayEditTown(editorOf('gotha'), undefined)).toBe(false);
  });
});
