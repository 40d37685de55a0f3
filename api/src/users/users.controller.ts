import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { CreatedUserResponse, TemporaryPasswordResponse, UserResponse } from './dto/user.response.js';
import { UsersRepository, type User } from './users.repository.js';
import { UsersService } from './users.service.js';

const NO_USER: DocumentedError = [404, 'There is no user with this id (NOT_FOUND).'];
const GRANT_RULES: DocumentedError = [
  422,
  'A grant names a town or network that does not exist, or the wrong kind of place for its role (CONSTRAINT_VIOLATED).',
];

/** User administration: administrators only (401 anonymous, 403 everyone else). */
@ApiTags('users')
@Controller('users')
@Access({ kind: 'admin' })
@ApiErrors(401, 403)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly repository: UsersRepository,
  ) {}

  @Get()
  @ApiOkResponse({ type: [UserResponse], description: 'Every account, by e-mail address.' })
  list(): Promise<User[]> {
    return this.repository.list();
  }

  @Post()
  @ApiCreatedResponse({
    type: CreatedUserResponse,
    description: 'The new account, with a temporary password shown only in this answer.',
  })
  @ApiErrors(400, [409, 'An account with this e-mail address exists (DUPLICATE).'], 413, GRANT_RULES)
  create(@Body() body: CreateUserDto): Promise<{ user: User; temporaryPassword: string }> {
    return this.users.create(body);
  }

  @Patch(':id')
  @ApiOkResponse({
    type: UserResponse,
    description: 'The changed account; disabling it ends its sessions.',
  })
  @ApiErrors(
    400,
    NO_USER,
    [
      409,
      'Someone else changed the account in the meantime (VERSION_CONFLICT; `details.current` is the account as now stored).',
    ],
    413,
    [
      422,
      'A grant names a town or network that does not exist, or the wrong kind of place for its role; or the change would take administration away from the acting administrator or from the last enabled one (CONSTRAINT_VIOLATED, `details.reason` `own_admin_rights` / `last_admin`).',
    ],
  )
  update(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(id, body, viewer.user!.id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({
    type: TemporaryPasswordResponse,
    description: 'A new temporary password, shown only in this answer; the user’s sessions end.',
  })
  @ApiErrors(NO_USER)
  resetPassword(@Param('id') id: string): Promise<{ temporaryPassword: string }> {
    return this.users.resetPassword(id);
  }
}
