import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentViewer } from './current-viewer.decorator.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';
import type { SessionUser } from './sessions.repository.js';
import type { Grant, Viewer } from './viewer.js';

export interface SessionInfo {
  user: Viewer['user'];
  grants: Grant[];
  /** Send as X-CSRF-Token with every write. */
  csrfToken: string | null;
}

const info = (session: SessionUser | null, viewer?: Viewer): SessionInfo =>
  session
    ? {
        user: {
          id: session.id,
          email: session.email,
          displayName: session.displayName,
          isAdmin: session.isAdmin,
        },
        grants: session.grants,
        csrfToken: session.csrfToken,
      }
    : { user: viewer?.user ?? null, grants: [], csrfToken: null };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    const { token, session } = await this.auth.signIn(body.email, body.password, req.ip ?? 'unknown');
    setSessionCookie(req, res, token);
    return info(session);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.auth.signOut(token);
    clearSessionCookie(req, res);
  }

  @Get('session')
  @Public()
  async session(@Req() req: Request, @CurrentViewer() viewer: Viewer): Promise<SessionInfo> {
    return info(await this.auth.session(sessionToken(req)), viewer);
  }
}
