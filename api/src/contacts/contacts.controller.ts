import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { ContactsService } from './contacts.service.js';
import type { StorefrontContact } from './contacts.repository.js';
import { PutContactDto } from './dto/contact.dto.js';
import { StorefrontContactResponse } from './dto/contact.response.js';

const Personal = () =>
  Access({ kind: 'town', action: 'personal', town: { from: 'param', name: 'id', entity: 'storefront' } });

const NO_UNIT: DocumentedError = [404, 'There is no storefront with this id (NOT_FOUND).'];
const STALE_UNIT: DocumentedError = [
  409,
  'Someone else changed the unit or its contact in the meantime (VERSION_CONFLICT; `details.current` is the unit as now stored).',
];

/** Landlord contact and asking rent: only the editors of the unit's town see or change them. */
@ApiTags('contacts')
@Controller('storefronts/:id/contact')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Personal()
  @ApiOkResponse({ type: StorefrontContactResponse, description: 'The unit’s landlord contact.' })
  @ApiNoContentResponse({ description: 'The unit has no contact (not 404: the unit exists).' })
  @ApiErrors(401, 403, NO_UNIT)
  async get(
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StorefrontContact | undefined> {
    const contact = await this.contacts.get(id);
    if (contact) return contact;
    res.status(204);
    return undefined;
  }

  @Put()
  @Personal()
  @ApiOkResponse({
    type: StorefrontContactResponse,
    description: 'The contact as saved (created or replaced); the unit’s version goes up by one.',
  })
  @ApiNoContentResponse({ description: 'Every field was empty: the unit has no contact (any was deleted).' })
  @ApiErrors(400, 401, 403, NO_UNIT, STALE_UNIT, 413)
  async put(
    @Param('id') id: string,
    @Body() body: PutContactDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StorefrontContact | undefined> {
    const { version, ...contact } = body;
    const saved = await this.contacts.put(id, version, contact);
    if (saved) return saved;
    res.status(204);
    return undefined;
  }

  @Delete()
  @HttpCode(204)
  @Personal()
  @ApiNoContentResponse({
    description: 'The contact is deleted for good; the unit’s version goes up by one.',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'There is no storefront with this id, or it has no contact (NOT_FOUND).'],
    STALE_UNIT,
  )
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.contacts.delete(id, q.version);
  }
}
