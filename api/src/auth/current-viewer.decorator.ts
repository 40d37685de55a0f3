import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { Viewer } from './viewer.js';

/** The viewer the access guard resolved for this request. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  return ctx.switchToHttp().getResponse<Response>().locals.viewer as Viewer;
});
