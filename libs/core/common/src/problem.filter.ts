import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { scrubCpr } from '@enplan/shared/util';
import { DomainError, STATUS_BY_KIND, TITLE_BY_KIND, type ErrorKind } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';
import { requestIdFor } from './request-id.js';
import { loggedPath } from './request-path.js';

const KIND_BY_STATUS: Record<number, ErrorKind> = Object.fromEntries(
  Object.entries(STATUS_BY_KIND).map(([k, s]) => [s, k as ErrorKind]),
) as Record<number, ErrorKind>;

/** Codes for failures raised by the framework rather than by our own code. */
function frameworkCode(status: number, ex: HttpException): string {
  // `error` is the reason phrase Nest's own exceptions carry; other libraries put objects there (terminus' health result).
  const error = (ex.getResponse() as { error?: unknown })?.error;
  const name = typeof error === 'string' ? error : undefined;
  if (status === 400 && /JSON|Unexpected token|body/i.test(ex.message)) return 'request.malformed-body';
  if (status === 404) return 'http.route-not-found';
  if (status === 405) return 'http.method-not-allowed';
  if (status === 413) return 'request.too-large';
  if (status === 415) return 'request.unsupported-media-type';
  return `http.${(name ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/**
 * Turns every error into `application/problem+json`. Unknown errors become a bare 500: their message may
 * hold SQL or personal data, so it goes to the log (scrubbed of CPR numbers) and never to the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toProblem(exception, req);
    if (res.headersSent) return;
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown, req: Request): ProblemDetails {
    const requestId = requestIdFor(req);
    // The path only, never the query string: a query could carry a search term with personal data.
    const instance = req.originalUrl === undefined ? undefined : loggedPath(req.originalUrl);
    if (exception instanceof DomainError) {
      if (exception.kind === 'internal') this.logger.error(scrubCpr(exception.message));
      return {
        type: problemType(exception.code),
        title: TITLE_BY_KIND[exception.kind],
        status: exception.status,
        detail: exception.message,
        instance,
        code: exception.code,
        requestId,
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const kind = KIND_BY_STATUS[status];
      return {
        type: problemType(frameworkCode(status, exception)),
        title: kind ? TITLE_BY_KIND[kind] : exception.name,
        status,
        detail: status === 404 ? 'No such route' : scrubCpr(exception.message),
        instance,
        code: frameworkCode(status, exception),
        requestId,
      };
    }
    const err = exception as Error;
    this.logger.error({ err: { name: err?.name, message: scrubCpr(String(err?.message)), stack: err?.stack && scrubCpr(err.stack) } }, 'unhandled error');
    return {
      type: problemType('internal.unexpected'),
      title: TITLE_BY_KIND.internal,
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      instance,
      code: 'internal.unexpected',
      requestId,
    };
  }
}
