import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { TownResolver } from './town-resolver.js';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionsRepository, TownResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, SessionsRepository, TownResolver],
})
export class AuthModule {}
