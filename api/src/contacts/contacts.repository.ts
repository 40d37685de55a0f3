import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactDto } from './dto/contact.dto.js';

export interface StorefrontContact {
  storefrontId: string;
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  askingRentEurMonth: number | null;
  note: string | null;
  updatedAt: string;
}

const COLUMNS = `storefront_id AS "storefrontId", owner_name AS "ownerName", owner_phone AS "ownerPhone",
  owner_email AS "ownerEmail", asking_rent_eur_month::float8 AS "askingRentEurMonth", note, updated_at AS "updatedAt"`;

@Injectable()
export class ContactsRepository {
  constructor(private readonly db: DataSource) {}

  async find(
    storefrontId: string,
    db: DataSource | EntityManager = this.db,
  ): Promise<StorefrontContact | null> {
    const rows = await db.query<StorefrontContact[]>(
      `SELECT ${COLUMNS} FROM storefront_contacts WHERE storefront_id = $1`,
      [storefrontId],
    );
    return rows[0] ?? null;
  }

  async upsert(em: EntityManager, storefrontId: string, cityId: string, c: ContactDto): Promise<void> {
    await em.query(
      `INSERT INTO storefront_contacts (storefront_id, city_id, owner_name, owner_phone, owner_email, asking_rent_eur_month, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (storefront_id) DO UPDATE SET owner_name = EXCLUDED.owner_name, owner_phone = EXCLUDED.owner_phone,
         owner_email = EXCLUDED.owner_email, asking_rent_eur_month = EXCLUDED.asking_rent_eur_month, note = EXCLUDED.note`,
      [
        storefrontId,
        cityId,
        c.ownerName ?? null,
        c.ownerPhone ?? null,
        c.ownerEmail ?? null,
        c.askingRentEurMonth ?? null,
        c.note ?? null,
      ],
    );
  }

  async delete(em: EntityManager, storefrontId: string): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `DELETE FROM storefront_contacts WHERE storefront_id = $1`,
      [storefrontId],
    );
    return count > 0;
  }
}
