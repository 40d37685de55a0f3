import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { UsersRepository, type User } from './users.repository.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Access({ kind: 'admin' })
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly repository: UsersRepository,
  ) {}

  @Get()
  list(): Promise<User[]> {
    return this.repository.list();
  }

  @Post()
  create(@Body() body: CreateUserDto): Promise<{ user: User; temporaryPassword: string }> {
    return this.users.create(body);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@Param('id') id: string): Promise<{ temporaryPassword: string }> {
    return this.users.resetPassword(id);
  }
}
