import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import type { RequestContext } from '../common/request-context.js';
import { ACCESS_POLICY, type AccessPolicy, type TownSource } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CSRF_HEADER, sessionToken } from './session-cookie.js';
import { TownResolver } from './town-resolver.js';
import { mayAccessTown, type TownAction, type Viewer } from './viewer.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Authorisation for every route, tiles and exports included. Runs before validation. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly towns: TownResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!policy) throw new DomainError('INTERNAL', 'This endpoint has no access rule.');
    // Before the session and the viewer: the database may be away, or the pool exhausted.
    if (policy.kind === 'probe') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const session = await this.auth.session(sessionToken(req));
    // A signed-in write may change users, grants or towns: this process's next request must not see
    // cached access (other processes learn it from the change feed). Anonymous writes (sign-in, sign-out,
    // refused ones) change none of these — a session they end leaves the session cache itself — and
    // must not let anyone keep every cache cold.
    if (session && !SAFE_METHODS.has(req.method)) res.on('finish', () => this.auth.forgetCached());
    const viewer = await this.auth.viewerFor(session);
    const context = res.locals.context as RequestContext | undefined;
    if (context) context.viewer = viewer;
    res.locals.viewer = viewer;

    // Public routes (sign-in, sign-out) change nothing a forged request could use; SameSite=Lax and the
    // JSON-only body parser guard them. Every other cookie-authenticated write needs the CSRF token.
    if (
      session &&
      policy.kind !== 'public' &&
      !SAFE_METHODS.has(req.method) &&
      req.header(CSRF_HEADER) !== session.csrfToken
    ) {
      throw new DomainError('FORBIDDEN', 'The form has expired. Reload the page and try again.', {
        reason: 'csrf',
      });
    }
    if (
      viewer.user?.mustChangePassword &&
      policy.kind !== 'public' &&
      !(policy.kind === 'signedIn' && policy.beforePasswordChange)
    ) {
      throw new DomainError('FORBIDDEN', 'Please choose a new password first: yours is a temporary one.', {
        reason: 'password_change_required',
      });
    }
    switch (policy.kind) {
      case 'public':
        return true;
      case 'signedIn':
        return requireUser(viewer);
      case 'admin':
        requireUser(viewer);
        if (!viewer.user?.isAdmin) {
          throw new DomainError('FORBIDDEN', 'Only administrators may do this.', { reason: 'admin_only' });
        }
        return true;
      case 'towns':
        this.checkTowns(viewer, queryCityIds(req), policy.publicData ? 'readPublic' : 'read');
        return true;
      case 'town': {
        if ((policy.action === 'edit' || policy.action === 'personal') && !viewer.user) requireUser(viewer);
        const cityIds = await this.townsOf(req, policy.town);
        this.checkTowns(viewer, cityIds, policy.action);
        return true;
      }
      default: {
        const unknown: never = policy;
        throw new DomainError('INTERNAL', `Unknown access rule ${JSON.stringify(unknown)}`);
      }
    }
  }

  private checkTowns(viewer: Viewer, cityIds: string[], action: TownAction): void {
    for (const cityId of cityIds) {
      if (!mayAccessTown(viewer, cityId, action)) {
        if (!viewer.user) requireUser(viewer);
        throw forbidden();
      }
    }
  }

  /** The town(s) a request concerns; unknown records resolve to none and the handler answers 404/400. */
  private async townsOf(req: Request, source: TownSource): Promise<string[]> {
    switch (source.from) {
      case 'param': {
        const value = req.params[source.name];
        const cityId = typeof value === 'string' ? await this.towns.townOf(source.entity, value) : null;
        return cityId ? [cityId] : [];
      }
      case 'body': {
        const value = (req.body as Record<string, unknown> | undefined)?.cityId;
        return typeof value === 'string' && isUuid(value) ? [value] : [];
      }
      case 'query':
        return queryCityIds(req);
      default: {
        const unknown: never = source;
        return unknown;
      }
    }
  }
}

function queryCityIds(req: Request): string[] {
  const raw = req.query.cityId;
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(isUuid);
}

function requireUser(viewer: Viewer): true {
  if (!viewer.user) throw new DomainError('UNAUTHENTICATED', 'Please sign in.');
  return true;
}

const forbidden = (): DomainError =>
  new DomainError('FORBIDDEN', 'You do not have access to this town’s records.');
