import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { inputProblem } from './input-guard.js';
import { unknownField } from './validation.js';
import type { FieldProblem } from './domain-error.js';

const BODY_PARAMS = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.RAW_BODY]);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the handler declares a body parameter (`@Body()`): Nest keeps its parameters as `"<type>:<index>"` keys. */
function takesBody(ctx: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => BODY_PARAMS.has(Number(key.split(':')[0])));
}

/**
 * A write that takes no body refuses one (400 `validation.failed`, a problem per field), as the global validation
 * pipe refuses an unknown field of a body it does take: a client that sends `{"reason": …}` to an operation that
 * reads none should learn it, not believe it recorded. An interceptor, registered after the access check, so a
 * missing record (404) or a refusal (403) is answered first, in the order the validation pipe's answers come.
 */
@Injectable()
export class UnexpectedBodyInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<Request>();
      const body: unknown = req.body;
      const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : undefined;
      const empty = body === undefined || fields?.length === 0;
      if (!READS.has(req.method) && !empty && !takesBody(ctx)) {
        const problems: FieldProblem[] = fields ? fields.map(unknownField) : [{ field: 'body', code: 'unexpected-body', message: 'This operation takes no body' }];
        throw inputProblem(problems);
      }
    }
    return next.handle();
  }
}
