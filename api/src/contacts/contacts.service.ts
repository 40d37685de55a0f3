import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/domain-error.js';
import { StorefrontsRepository } from '../storefronts/storefronts.repository.js';
import { StorefrontsService } from '../storefronts/storefronts.service.js';
import { ContactsRepository, type StorefrontContact } from './contacts.repository.js';
import type { ContactDto } from './dto/contact.dto.js';

/** The audit trail records which personal fields changed, never their values. */
const filledFields = (c: ContactDto | StorefrontContact | null): string[] =>
  c
    ? (['ownerName', 'ownerPhone', 'ownerEmail', 'askingRentEurMonth', 'note'] as const).filter(
        (k) => c[k] !== null && c[k] !== undefined,
      )
    : [];

@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly storefronts: StorefrontsService,
    private readonly storefrontRows: StorefrontsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(storefrontId: string): Promise<StorefrontContact | null> {
    await this.storefronts.get(storefrontId);
    return this.contacts.find(storefrontId);
  }

  /**
   * Creates or replaces the contact. A contact with every field empty is no contact: it is deleted
   * (null; GET answers 204) rather than kept as a row of nulls.
   */
  async put(storefrontId: string, version: number, contact: ContactDto): Promise<StorefrontContact | null> {
    const empty = filledFields(contact).length === 0;
    await this.storefronts.writeLocked(storefrontId, version, async (em, cityId) => {
      const before = await this.contacts.find(storefrontId, em);
      if (empty) await this.contacts.delete(em, storefrontId);
      else await this.contacts.upsert(em, storefrontId, cityId, contact);
      await this.storefrontRows.bumpVersion(em, storefrontId); // a second editor with the old version gets 409
      if (!before && empty) return; // nothing was there, nothing is: no audit entry
      await this.audit.record(em, {
        cityId,
        entityType: 'storefront_contact',
        entityId: storefrontId,
        action: !before ? 'create' : empty ? 'delete' : 'update',
        before: before ? { fields: filledFields(before) } : null,
        after: empty ? null : { fields: filledFields(contact) },
      });
    });
    return this.contacts.find(storefrontId);
  }

  /** Removes the contact for good: the row is deleted and the audit trail never held its values. */
  async delete(storefrontId: string, version: number): Promise<void> {
    await this.storefronts.writeLocked(storefrontId, version, async (em, cityId) => {
      const before = await this.contacts.find(storefrontId, em);
      if (!before || !(await this.contacts.delete(em, storefrontId)))
        throw notFound('Contact of storefront', storefrontId);
      await this.storefrontRows.bumpVersion(em, storefrontId);
      await this.audit.record(em, {
        cityId,
        entityType: 'storefront_contact',
        entityId: storefrontId,
        action: 'delete',
        before: { fields: filledFields(before) },
        after: null,
      });
    });
  }
}
