import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import type { Request, Response } from 'express';
import { Access, Public } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentViewer } from './current-viewer.decorator.js';
import { SessionResponse } from './dto/session.response.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';
import {
  clearSessionCookie,
  deviceToken,
  sessionToken,
  setDeviceCookie,
  setSessionCookie,
} from './session-cookie.js';
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
          mustChangePassword: session.mustChangePassword,
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
  @ApiOkResponse({
    type: SessionResponse,
    description:
      'Signed in: the session cookie `sf_session` is set (the session of the cookie sent, if any, ends), and the device cookie `sf_device` (90 days; attempts from this browser are then not refused for failures elsewhere); keep the CSRF token for writes.',
  })
  @ApiErrors(400, [401, 'E-mail address or password is wrong (UNAUTHENTICATED).'], 413, 429)
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    const signedIn = await this.auth.signIn(body.email, body.password, req.ip ?? 'unknown', deviceToken(req));
    // The session this browser had ends (someone else's on a shared PC, or the account switched from):
    // the new cookie replaces it here, and it must not live on elsewhere for up to 7 days.
    const previous = sessionToken(req);
    if (previous) await this.auth.signOut(previous);
    setSessionCookie(req, res, signedIn.token);
    setDeviceCookie(req, res, signedIn.deviceToken);
    return info(signedIn.session);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Signed out (or was not signed in): the session cookie is cleared.' })
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.auth.signOut(token);
    clearSessionCookie(req, res);
  }

  @Post('password')
  @HttpCode(200)
  @Access({ kind: 'signedIn', beforePasswordChange: true })
  @ApiOkResponse({
    type: SessionResponse,
    description:
      'The password is changed (and no longer temporary). Every session and device cookie of the user ends; a new one replaces this one (new cookies and CSRF token, as after sign-in).',
  })
  @ApiErrors(
    [
      400,
      'A field is missing or too short, the current password is wrong or the new one equals it (VALIDATION_FAILED; `details.reason` `wrong_password` / `same_password`).',
    ],
    401,
    413,
    429,
  )
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Body() body: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    const changed = await this.auth.changePassword(
      viewer.user!,
      sessionToken(req)!,
      body.currentPassword,
      body.newPassword,
      req.ip ?? 'unknown',
      deviceToken(req),
    );
    setSessionCookie(req, res, changed.token);
    setDeviceCookie(req, res, changed.deviceToken);
    return info(changed.session);
  }

  @Get('session')
  @Public()
  @ApiOkResponse({
    type: SessionResponse,
    description: 'The current session: who is signed in, with which roles; `user` is null when anonymous.',
  })
  async session(@Req() req: Request, @CurrentViewer() viewer: Viewer): Promise<SessionInfo> {
    return info(await this.auth.session(sessionToken(req)), viewer);
  }
}
