import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { ContactsService } from './contacts.service.js';
import type { StorefrontContact } from './contacts.repository.js';
import { PutContactDto } from './dto/contact.dto.js';

const Personal = () =>
  Access({ kind: 'town', action: 'personal', town: { from: 'param', name: 'id', entity: 'storefront' } });

/** Landlord contact and asking rent: only the editors of the unit's town see or change them. */
@ApiTags('contacts')
@Controller('storefronts/:id/contact')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Personal()
  get(@Param('id') id: string): Promise<StorefrontContact | null> {
    return this.contacts.get(id);
  }

  @Put()
  @Personal()
  put(@Param('id') id: string, @Body() body: PutContactDto): Promise<StorefrontContact | null> {
    const { version, ...contact } = body;
    return this.contacts.put(id, version, contact);
  }

  @Delete()
  @HttpCode(204)
  @Personal()
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.contacts.delete(id, q.version);
  }
}
