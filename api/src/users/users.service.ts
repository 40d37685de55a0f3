import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword, temporaryPassword } from '../auth/password.js';
import type { Grant } from '../auth/viewer.js';
import { DomainError, notFound, versionConflict } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import type { CreateUserDto, GrantDto, UpdateUserDto } from './dto/user.dto.js';
import { UsersRepository, type User } from './users.repository.js';

/** The grants asked for, each once (ids are case-insensitive: a grant in capitals is the same grant). */
function toGrants(dtos: GrantDto[]): Grant[] {
  const grants = dtos.map((g): Grant => {
    const townRole = g.role === 'city_editor' || g.role === 'viewer';
    if (townRole && (!g.cityId || g.networkId)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `The role ${g.role} is given for one town: set cityId only.`,
      );
    }
    if (!townRole && (!g.networkId || g.cityId)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The role network_member is given for one network: set networkId only.',
      );
    }
    return {
      role: g.role,
      cityId: g.cityId?.toLowerCase() ?? null,
      networkId: g.networkId?.toLowerCase() ?? null,
    };
  });
  const key = (g: Grant): string => `${g.role} ${g.cityId} ${g.networkId}`;
  return [...new Map(grants.map((g) => [key(g), g])).values()];
}

/** Without values that must not be kept: no password hashes in the audit trail. */
const auditView = (u: User | null) =>
  u ? { email: u.email, isAdmin: u.isAdmin, disabled: u.disabled, grants: u.grants } : null;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateUserDto): Promise<{ user: User; temporaryPassword: string }> {
    const grants = toGrants(input.grants ?? []);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const id = await this.db.transaction(async (em) => {
      const id = await this.users.insert(em, {
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName.trim(),
        isAdmin: input.isAdmin ?? false,
        passwordHash,
      });
      await this.users.replaceGrants(em, id, grants);
      await this.audit.record(em, {
        cityId: null,
        entityType: 'user',
        entityId: id,
        action: 'create',
        before: null,
        after: auditView(await this.users.find(id, em)),
      });
      return id;
    });
    return { user: (await this.users.find(id))!, temporaryPassword: password };
  }

  /** `actorId`: the administrator making the change, who cannot demote or disable themselves. */
  async update(id: string, input: UpdateUserDto, actorId: string): Promise<User> {
    const { version, grants, ...fields } = input;
    const mayRemoveAdmin = fields.isAdmin === false || fields.disabled === true;
    if (mayRemoveAdmin && id.toLowerCase() === actorId.toLowerCase()) {
      throw new DomainError(
        'CONSTRAINT_VIOLATED',
        'You cannot take away your own administration or disable your own account: ask another administrator.',
        { reason: 'own_admin_rights' },
      );
    }
    await this.locked(id, version, async (em, before) => {
      // One admin change at a time (advisory lock), so that two admins demoting each other at once
      // cannot both see the other still in office.
      if (mayRemoveAdmin) await this.users.lockAdmins(em);
      await this.users.update(em, id, fields);
      if (mayRemoveAdmin && (await this.users.countEnabledAdmins(em)) === 0) {
        throw new DomainError(
          'CONSTRAINT_VIOLATED',
          'This would leave no enabled administrator: make another user an administrator first.',
          { reason: 'last_admin' },
        );
      }
      if (grants) await this.users.replaceGrants(em, id, toGrants(grants));
      if (fields.disabled) await this.users.endSessions(em, id);
      await this.audit.record(em, {
        cityId: null,
        entityType: 'user',
        entityId: id,
        action: 'update',
        before: auditView(before),
        after: auditView(await this.users.find(id, em)),
      });
    });
    return (await this.users.find(id))!;
  }

  /** An admin sets a new random password; the user's sessions end. */
  async resetPassword(id: string): Promise<{ temporaryPassword: string }> {
    if (!isUuid(id)) throw notFound('User', id);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      if ((await this.users.lockVersion(em, id)) === null) throw notFound('User', id);
      await this.users.setTemporaryPassword(em, id, passwordHash);
      await this.audit.record(em, {
        cityId: null,
        entityType: 'user',
        entityId: id,
        action: 'update',
        before: null,
        after: { passwordReset: true },
      });
    });
    return { temporaryPassword: password };
  }

  private async locked(
    id: string,
    version: number,
    write: (em: EntityManager, before: User | null) => Promise<void>,
  ): Promise<void> {
    if (!isUuid(id)) throw notFound('User', id);
    await this.db.transaction(async (em) => {
      const current = await this.users.lockVersion(em, id);
      if (current === null) throw notFound('User', id);
      const before = await this.users.find(id, em);
      if (current !== version) throw versionConflict('user', before);
      await write(em, before);
    });
  }
}
